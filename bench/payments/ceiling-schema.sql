DROP TABLE IF EXISTS bench_payment, bench_chain_head, bench_audit, bench_gateway_event;
CREATE TABLE bench_payment (id VARCHAR(80) PRIMARY KEY, merchant_id VARCHAR(40) NOT NULL, amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL, status VARCHAR(30) NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
CREATE TABLE bench_chain_head (id INT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL);
INSERT INTO bench_chain_head VALUES (1, 0, 'genesis');
CREATE TABLE bench_audit (seq BIGINT PRIMARY KEY, action VARCHAR(60) NOT NULL, object_id TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE bench_gateway_event (event_id VARCHAR(100) PRIMARY KEY, payment_ref TEXT, received_at TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL);
