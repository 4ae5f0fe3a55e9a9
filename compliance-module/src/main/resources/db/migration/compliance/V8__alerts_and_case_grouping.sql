-- Alerts and cases grouped per customer. Every rule hit of the gate is an alert; the alerts about
-- one customer (subject_ref) that hold payments gather in that customer's one open case, whose
-- decision applies to every payment it holds.

-- Transaction monitoring by card and by IP address: keyed pseudonyms only, never the card number
-- or the address.
ALTER TABLE gate_decision ADD COLUMN card_fingerprint VARCHAR(100);
ALTER TABLE gate_decision ADD COLUMN ip_ref VARCHAR(100);
CREATE INDEX ix_gate_decision_card ON gate_decision (card_fingerprint, decided_at);
CREATE INDEX ix_gate_decision_ip ON gate_decision (ip_ref, decided_at);

-- open_subject_ref is the case's subject while it is open and null once decided: the unique index
-- keeps a customer to one open case even when two nodes assess their payments at once.
ALTER TABLE compliance_case ADD COLUMN subject_ref VARCHAR(100);
ALTER TABLE compliance_case ADD COLUMN open_subject_ref VARCHAR(100);
ALTER TABLE compliance_case ADD COLUMN last_alert_at TIMESTAMP WITH TIME ZONE;

UPDATE compliance_case SET last_alert_at = created_at,
    subject_ref = (SELECT d.subject_ref FROM gate_decision d WHERE d.id = compliance_case.decision_id);
-- Existing open cases of one customer stay as they are; the newest is the one new alerts join.
UPDATE compliance_case SET open_subject_ref = subject_ref
 WHERE status = 'OPEN' AND subject_ref IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM compliance_case n
                    WHERE n.subject_ref = compliance_case.subject_ref AND n.status = 'OPEN'
                      AND (n.created_at > compliance_case.created_at
                           OR (n.created_at = compliance_case.created_at AND n.id > compliance_case.id)));
ALTER TABLE compliance_case ALTER COLUMN last_alert_at SET NOT NULL;
CREATE UNIQUE INDEX ux_compliance_case_open_subject ON compliance_case (open_subject_ref);

-- The payments a case holds: its first one, and every later one of the same customer.
CREATE TABLE compliance_case_payment (
    case_id      VARCHAR(40)  NOT NULL,
    payment_ref  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_compliance_case_payment PRIMARY KEY (case_id, payment_ref),
    CONSTRAINT fk_compliance_case_payment_case FOREIGN KEY (case_id) REFERENCES compliance_case (id)
);
INSERT INTO compliance_case_payment (case_id, payment_ref)
SELECT id, payment_ref FROM compliance_case WHERE payment_ref IS NOT NULL;

-- One alert per rule hit: the rule id and what it saw (no personal data, as in the decision's
-- reasons). holds: whether it held its payment (alert-only rules and blocked payments do not).
CREATE TABLE compliance_alert (
    id           VARCHAR(40)              NOT NULL,
    subject_ref  VARCHAR(100),
    rule_id      VARCHAR(40)              NOT NULL,
    detail       VARCHAR(4000)            NOT NULL,
    payment_ref  VARCHAR(100)             NOT NULL,
    decision_id  VARCHAR(40)              NOT NULL,
    holds        BOOLEAN                  NOT NULL,
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    case_id      VARCHAR(40),
    CONSTRAINT pk_compliance_alert PRIMARY KEY (id),
    CONSTRAINT fk_compliance_alert_decision FOREIGN KEY (decision_id) REFERENCES gate_decision (id),
    CONSTRAINT fk_compliance_alert_case FOREIGN KEY (case_id) REFERENCES compliance_case (id)
);
CREATE INDEX ix_compliance_alert_case ON compliance_alert (case_id, raised_at);
CREATE INDEX ix_compliance_alert_subject ON compliance_alert (subject_ref, raised_at);
CREATE INDEX ix_compliance_alert_payment ON compliance_alert (payment_ref);

-- One alert per existing case, from its decision's reasons: the first rule id, then the rest of
-- the reasons as they were stored.
INSERT INTO compliance_alert (id, subject_ref, rule_id, detail, payment_ref, decision_id, holds,
                              raised_at, case_id)
SELECT 'al_' || c.id,
       d.subject_ref,
       CASE WHEN POSITION(' ' IN d.reasons) > 1
            THEN SUBSTRING(d.reasons FROM 1 FOR LEAST(POSITION(' ' IN d.reasons) - 1, 40))
            WHEN d.reasons = '' THEN 'gate_review'
            ELSE SUBSTRING(d.reasons FROM 1 FOR 40) END,
       CASE WHEN POSITION(' ' IN d.reasons) > 0
            THEN SUBSTRING(d.reasons FROM POSITION(' ' IN d.reasons) + 1)
            ELSE '' END,
       c.payment_ref,
       c.decision_id,
       TRUE,
       c.created_at,
       c.id
  FROM compliance_case c JOIN gate_decision d ON d.id = c.decision_id;
