-- Personal data is sealed per data subject (compliance's PersonalDataVault, AES-GCM): the columns
-- that hold it grow to fit the sealed form, and every row names its subject's pseudonymous id so
-- that access and erasure requests find it.
ALTER TABLE payment ALTER COLUMN payer_name SET DATA TYPE VARCHAR(1000);
ALTER TABLE payment ALTER COLUMN payer_email SET DATA TYPE VARCHAR(1000);
ALTER TABLE payment ADD COLUMN subject_ref VARCHAR(40);
CREATE INDEX ix_payment_subject ON payment (subject_ref);
ALTER TABLE checkout_session ALTER COLUMN customer_email SET DATA TYPE VARCHAR(1000);
ALTER TABLE checkout_session ADD COLUMN subject_ref VARCHAR(40);
CREATE INDEX ix_checkout_session_subject ON checkout_session (subject_ref);
