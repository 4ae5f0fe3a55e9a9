-- The payment methods a checkout session offers, as API names in the merchant's order
-- ('card,paypal,alipay'); NULL on older sessions, which offer their currency's defaults.
-- And the shopper's country when the merchant gives it: it hides the methods its shoppers cannot
-- use. A country of a named customer is personal data: erased with the customer's email.
ALTER TABLE checkout_session ADD COLUMN payment_method_types VARCHAR(200);
ALTER TABLE checkout_session ADD COLUMN customer_country CHAR(2);
