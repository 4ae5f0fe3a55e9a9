-- A checkout session may name the merchant's customer (their own id, sealed like the email): the
-- customer's saved cards are offered on the hosted page, and a card can be saved for them.
ALTER TABLE checkout_session ADD COLUMN customer_id VARCHAR(1000);

-- Cards saved at a gateway, with the customer's consent, for one merchant's customer. Only the
-- gateway's token and what the page shows: never the card number or its security code. A removed
-- card keeps its row (brand, last four, dates) without its token or the customer's details.
CREATE TABLE saved_payment_method (
    id              VARCHAR(40)              NOT NULL,
    merchant_id     VARCHAR(40)              NOT NULL,
    subject_ref     VARCHAR(40)              NOT NULL,
    customer_id     VARCHAR(1000),
    holder_name     VARCHAR(1000),
    gateway         VARCHAR(40)              NOT NULL,
    gateway_token   VARCHAR(100),
    card_brand      VARCHAR(20)              NOT NULL,
    card_last4      CHAR(4)                  NOT NULL,
    card_exp_month  INTEGER                  NOT NULL,
    card_exp_year   INTEGER                  NOT NULL,
    payment_id      VARCHAR(40),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_saved_payment_method PRIMARY KEY (id),
    CONSTRAINT fk_saved_payment_method_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_saved_payment_method_expiry CHECK (card_exp_month BETWEEN 1 AND 12),
    -- A saved card holds its token until it is removed, and only then loses it.
    CONSTRAINT ck_saved_payment_method_token CHECK (
        (removed_at IS NULL AND gateway_token IS NOT NULL) OR removed_at IS NOT NULL)
);
-- The hosted page and the API look a customer's cards up by merchant and customer.
CREATE INDEX ix_saved_payment_method_customer ON saved_payment_method (merchant_id, subject_ref);
CREATE INDEX ix_saved_payment_method_payment ON saved_payment_method (payment_id);
