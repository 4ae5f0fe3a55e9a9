-- The compliance gate's decisions on payments, with their reasons (rule ids, screening hits with
-- scores, list versions), and the cases an officer decides for payments held for review.
CREATE TABLE gate_decision (
    id           VARCHAR(40)              NOT NULL,
    payment_ref  VARCHAR(100)             NOT NULL,
    outcome      VARCHAR(10)              NOT NULL,
    reasons      VARCHAR(4000)            NOT NULL,
    subject_ref  VARCHAR(100),
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gate_decision PRIMARY KEY (id)
);
CREATE INDEX ix_gate_decision_payment ON gate_decision (payment_ref);

CREATE TABLE compliance_case (
    id           VARCHAR(40)              NOT NULL,
    payment_ref  VARCHAR(100)             NOT NULL,
    decision_id  VARCHAR(40)              NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    decided_by   VARCHAR(254),
    decided_at   TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT pk_compliance_case PRIMARY KEY (id),
    CONSTRAINT fk_compliance_case_decision FOREIGN KEY (decision_id) REFERENCES gate_decision (id)
);
CREATE INDEX ix_compliance_case_status ON compliance_case (status, created_at);
