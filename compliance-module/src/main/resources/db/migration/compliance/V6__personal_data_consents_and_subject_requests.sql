-- GDPR: per-subject data keys (crypto-shredding), the consent ledger, and data subject requests.

-- One or more AES-256 keys per data subject (pseudonymous id), each wrapped (AES-GCM) by the master
-- key from configuration. Erasure destroys the wrapped key and stamps shredded_at: whatever was
-- sealed under it, anywhere, can no longer be read.
CREATE TABLE subject_key (
    id           VARCHAR(40)              NOT NULL,
    subject_ref  VARCHAR(40)              NOT NULL,
    wrapped_key  VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    shredded_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_subject_key PRIMARY KEY (id)
);
CREATE INDEX ix_subject_key_subject ON subject_key (subject_ref);

-- What a subject can consent to; required purposes are the contract itself (terms of service).
CREATE TABLE consent_purpose (
    code         VARCHAR(40)  NOT NULL,
    required     BOOLEAN      NOT NULL,
    CONSTRAINT pk_consent_purpose PRIMARY KEY (code)
);

-- The exact wording a subject saw, per purpose, version and locale. Never changed once published:
-- a new wording is a new version.
CREATE TABLE consent_text (
    purpose       VARCHAR(40)              NOT NULL,
    version       INTEGER                  NOT NULL,
    locale        VARCHAR(20)              NOT NULL,
    text          VARCHAR(2000)            NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_consent_text PRIMARY KEY (purpose, version, locale),
    CONSTRAINT fk_consent_text_purpose FOREIGN KEY (purpose) REFERENCES consent_purpose (code)
);

-- The ledger: every grant and withdrawal, append-only, pseudonymous.
CREATE TABLE consent_record (
    id            VARCHAR(40)              NOT NULL,
    subject_ref   VARCHAR(40)              NOT NULL,
    purpose       VARCHAR(40)              NOT NULL,
    text_version  INTEGER                  NOT NULL,
    locale        VARCHAR(20)              NOT NULL,
    action        VARCHAR(10)              NOT NULL,
    channel       VARCHAR(40)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_consent_record PRIMARY KEY (id),
    CONSTRAINT fk_consent_record_text FOREIGN KEY (purpose, text_version, locale)
        REFERENCES consent_text (purpose, version, locale)
);
CREATE INDEX ix_consent_record_subject ON consent_record (subject_ref, purpose, recorded_at);

-- Data subject requests (GDPR Art. 15 access, Art. 17 erasure): received, identity verified, done.
CREATE TABLE data_subject_request (
    id              VARCHAR(40)              NOT NULL,
    kind            VARCHAR(10)              NOT NULL,
    subject_ref     VARCHAR(40)              NOT NULL,
    identifier_kind VARCHAR(20)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by     VARCHAR(254)             NOT NULL,
    verified_by     VARCHAR(254),
    verified_at     TIMESTAMP WITH TIME ZONE,
    verification    VARCHAR(500),
    completed_by    VARCHAR(254),
    completed_at    TIMESTAMP WITH TIME ZONE,
    outcome         VARCHAR(1000),
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_data_subject_request PRIMARY KEY (id)
);
CREATE INDEX ix_data_subject_request_status ON data_subject_request (status, due_at);

INSERT INTO consent_purpose (code, required) VALUES ('terms', TRUE);
INSERT INTO consent_purpose (code, required) VALUES ('marketing', FALSE);
INSERT INTO consent_purpose (code, required) VALUES ('save_payment_method', FALSE);

INSERT INTO consent_text (purpose, version, locale, text, published_at) VALUES
 ('terms', 1, 'en', 'By paying you accept the merchant''s terms of sale. Your payment details are processed to carry out this payment and kept as the law requires.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('terms', 1, 'de', 'Mit der Zahlung akzeptieren Sie die Verkaufsbedingungen des Händlers. Ihre Zahlungsdaten werden zur Ausführung dieser Zahlung verarbeitet und so lange aufbewahrt, wie das Gesetz es verlangt.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('terms', 1, 'zh-CN', '付款即表示您接受商家的销售条款。您的付款信息将用于完成本次付款，并按法律要求保存。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('marketing', 1, 'en', 'Send me news and offers from this merchant by email. I can withdraw this at any time.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('marketing', 1, 'de', 'Schicken Sie mir Neuigkeiten und Angebote dieses Händlers per E-Mail. Ich kann das jederzeit widerrufen.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('marketing', 1, 'zh-CN', '通过电子邮件向我发送该商家的新闻和优惠。我可以随时撤回此同意。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('save_payment_method', 1, 'en', 'Save my card for faster payments with this merchant. I can remove it at any time.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('save_payment_method', 1, 'de', 'Meine Karte für schnellere Zahlungen bei diesem Händler speichern. Ich kann sie jederzeit entfernen.', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00'),
 ('save_payment_method', 1, 'zh-CN', '保存我的银行卡，以便在该商家更快付款。我可以随时删除。', TIMESTAMP WITH TIME ZONE '2026-11-26 00:00:00+00');
