-- A transfer closes as CANCELED when its payment is canceled: by the merchant while it is awaited, or
-- by a compliance officer who confirms the case that held it after the money arrived. What arrived
-- is then all excess, to be returned.
ALTER TABLE bank_transfer DROP CONSTRAINT ck_bank_transfer_state;
ALTER TABLE bank_transfer ADD CONSTRAINT ck_bank_transfer_state
    CHECK (state IN ('AWAITING', 'PAID', 'EXPIRED', 'CANCELED'));
