-- Transaction monitoring reads a customer's recent payments from the gate's own decisions: the
-- amount, in minor units of the currency, of each payment assessed.
ALTER TABLE gate_decision ADD COLUMN amount_minor BIGINT;
ALTER TABLE gate_decision ADD COLUMN currency CHAR(3);
CREATE INDEX ix_gate_decision_subject ON gate_decision (subject_ref, decided_at);
