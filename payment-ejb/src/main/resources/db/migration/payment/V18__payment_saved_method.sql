-- The saved card (spm_...) a payment was made with: what the API shows the merchant as its
-- payment_method, rather than the gateway's token, which is kept only to send the payment again.
ALTER TABLE payment ADD COLUMN saved_payment_method VARCHAR(40);
