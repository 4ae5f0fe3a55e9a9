-- What one server-side payment costs PostgreSQL at the least, as Kassa writes it: transaction one
-- stores the payment and appends an audit event to the hash chain (locking the chain head);
-- transaction two records the gateway's answer and appends the second audit event; a third stores
-- the gateway's callback. The same rows, commits and lock, without Java, HTTP or a gateway.
\set n random(1, 9000000000000000)
BEGIN;
INSERT INTO bench_payment (id, merchant_id, amount, currency, status, created_at, updated_at)
  VALUES ('pay_' || :n, 'mer_demo', 1999, 'EUR', 'PROCESSING', now(), now());
UPDATE bench_chain_head SET seq = seq + 1, hash = md5(hash || :n) WHERE id = 1;
INSERT INTO bench_audit (seq, action, object_id, hash) SELECT seq, 'payment.processing', :n, hash FROM bench_chain_head WHERE id = 1;
COMMIT;
BEGIN;
UPDATE bench_payment SET status = 'CAPTURED', updated_at = now() WHERE id = 'pay_' || :n;
UPDATE bench_chain_head SET seq = seq + 1, hash = md5(hash || :n) WHERE id = 1;
INSERT INTO bench_audit (seq, action, object_id, hash) SELECT seq, 'payment.captured', :n, hash FROM bench_chain_head WHERE id = 1;
COMMIT;
INSERT INTO bench_gateway_event (event_id, payment_ref, received_at, payload) VALUES ('evt_' || :n, :n, now(), '{"type":"payment.captured"}');
