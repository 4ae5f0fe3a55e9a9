-- Who paid, as the shopper entered it on the hosted page: for the receipt and the console.
ALTER TABLE payment ADD COLUMN payer_name VARCHAR(200);
ALTER TABLE payment ADD COLUMN payer_email VARCHAR(254);
