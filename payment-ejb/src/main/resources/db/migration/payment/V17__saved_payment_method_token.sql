-- A server-side payment naming a gateway token asks whether Kassa keeps it for a customer (such a
-- card is charged by its spm_ id only, with its customer): found by the token.
CREATE INDEX ix_saved_payment_method_token ON saved_payment_method (gateway_token);
