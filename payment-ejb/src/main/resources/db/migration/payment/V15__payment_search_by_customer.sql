-- The merchant console searches a merchant's payments by the merchant's own customer id.
CREATE INDEX ix_payment_merchant_customer ON payment (merchant_id, customer_id);
