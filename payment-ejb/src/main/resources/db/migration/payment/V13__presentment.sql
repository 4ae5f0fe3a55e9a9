-- Presentment in the shopper's currency. The session remembers the locked quote the shopper chose;
-- the payment records both amounts (its own amount and currency stay the merchant's), the rate, its
-- source and day and the quote, and is charged at the gateway in the presentment currency. Refunds
-- are converted at the payment's locked rate; the presentment amounts refunded never exceed what
-- was charged.
ALTER TABLE checkout_session ADD COLUMN fx_quote_id VARCHAR(40);
ALTER TABLE checkout_session ADD CONSTRAINT fk_checkout_session_fx_quote
    FOREIGN KEY (fx_quote_id) REFERENCES fx_quote (id);

ALTER TABLE payment ADD COLUMN presentment_amount BIGINT;
ALTER TABLE payment ADD COLUMN presentment_currency CHAR(3);
ALTER TABLE payment ADD COLUMN fx_rate NUMERIC(38, 20);
ALTER TABLE payment ADD COLUMN fx_rates_source VARCHAR(2048);
ALTER TABLE payment ADD COLUMN fx_rates_date DATE;
ALTER TABLE payment ADD COLUMN fx_quote_id VARCHAR(40);
ALTER TABLE payment ADD COLUMN presentment_refunded BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payment ADD COLUMN presentment_refund_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payment ADD CONSTRAINT fk_payment_fx_quote FOREIGN KEY (fx_quote_id) REFERENCES fx_quote (id);
ALTER TABLE payment ADD CONSTRAINT ck_payment_presentment CHECK (
    (presentment_amount IS NULL AND presentment_currency IS NULL AND fx_rate IS NULL
        AND fx_rates_source IS NULL AND fx_rates_date IS NULL AND fx_quote_id IS NULL
        AND presentment_refunded = 0 AND presentment_refund_pending = 0)
    OR (presentment_amount > 0 AND presentment_currency IS NOT NULL AND fx_rate > 0
        AND fx_rates_source IS NOT NULL AND fx_rates_date IS NOT NULL AND fx_quote_id IS NOT NULL
        AND presentment_refunded >= 0 AND presentment_refund_pending >= 0
        AND presentment_refunded + presentment_refund_pending <= presentment_amount));

ALTER TABLE refund ADD COLUMN presentment_amount BIGINT;
ALTER TABLE refund ADD COLUMN presentment_currency CHAR(3);
ALTER TABLE refund ADD CONSTRAINT ck_refund_presentment CHECK (
    (presentment_amount IS NULL AND presentment_currency IS NULL)
    OR (presentment_amount > 0 AND presentment_currency IS NOT NULL));
