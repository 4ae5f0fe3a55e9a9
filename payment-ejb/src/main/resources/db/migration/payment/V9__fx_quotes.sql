-- Exchange-rate quotes for presentment in the shopper's currency. Immutable: a quote records the
-- rate and the reference rates (source, day, SHA-256 of the file) it was made with, so that a
-- payment referencing it shows both amounts and where the rate came from.
CREATE TABLE fx_quote (
    id                    VARCHAR(40)              NOT NULL,
    merchant_id           VARCHAR(40)              NOT NULL,
    source_amount         BIGINT                   NOT NULL,
    source_currency       CHAR(3)                  NOT NULL,
    presentment_amount    BIGINT                   NOT NULL,
    presentment_currency  CHAR(3)                  NOT NULL,
    rate                  NUMERIC(38, 20)          NOT NULL,
    rates_source          VARCHAR(2048)            NOT NULL,
    rates_date            DATE                     NOT NULL,
    rates_sha256          CHAR(64)                 NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fx_quote PRIMARY KEY (id),
    CONSTRAINT fk_fx_quote_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_fx_quote_amounts CHECK (source_amount > 0 AND presentment_amount > 0),
    CONSTRAINT ck_fx_quote_rate CHECK (rate > 0)
);
CREATE INDEX ix_fx_quote_merchant ON fx_quote (merchant_id, created_at);
