-- A payment the compliance gate held for review: the case an officer decides before it is
-- captured.
ALTER TABLE payment ADD COLUMN review_case VARCHAR(40);
