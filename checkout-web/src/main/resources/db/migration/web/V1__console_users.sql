-- People who log in to the consoles. Passwords are PBKDF2 hashes (Jakarta Security's format).
CREATE TABLE console_user (
    username       VARCHAR(120)             NOT NULL,
    password_hash  VARCHAR(400)             NOT NULL,
    merchant_id    VARCHAR(40),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT pk_console_user PRIMARY KEY (username)
);

CREATE TABLE console_user_role (
    username  VARCHAR(120) NOT NULL,
    role      VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_console_user_role PRIMARY KEY (username, role),
    CONSTRAINT fk_console_user_role_user FOREIGN KEY (username) REFERENCES console_user (username)
);
