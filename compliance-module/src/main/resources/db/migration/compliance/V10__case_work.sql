-- Case work: an officer assigned to a case, an escalation flag with its reason, and comments.
-- Escalated cases come first in the queue (ix_compliance_case_queue). A comment is an officer's
-- note, kept with its author and time; it is never copied to the audit trail (only that one was
-- added), as it may name people.
ALTER TABLE compliance_case ADD COLUMN assigned_to VARCHAR(254);
ALTER TABLE compliance_case ADD COLUMN assigned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE compliance_case ADD COLUMN escalated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE compliance_case ADD COLUMN escalation_reason VARCHAR(1000);
ALTER TABLE compliance_case ADD COLUMN escalated_by VARCHAR(254);
ALTER TABLE compliance_case ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_compliance_case_queue ON compliance_case (status, escalated, created_at);
CREATE INDEX ix_compliance_case_assignee ON compliance_case (assigned_to, status);

CREATE TABLE compliance_case_comment (
    id          VARCHAR(40)              NOT NULL,
    case_id     VARCHAR(40)              NOT NULL,
    author      VARCHAR(254)             NOT NULL,
    body        VARCHAR(4000)            NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_compliance_case_comment PRIMARY KEY (id),
    CONSTRAINT fk_compliance_case_comment_case FOREIGN KEY (case_id) REFERENCES compliance_case (id)
);
CREATE INDEX ix_compliance_case_comment_case ON compliance_case_comment (case_id, written_at);
