-- Issue #11: wrong passwords slow the guesser down instead of locking the account. Shared by every node on the
-- database. Portable SQL: H2 and PostgreSQL.

-- One row per throttled subject: 'account:<login>', 'source:<address>' or 'device:<nonce>'.
-- Times are epoch milliseconds (exact for the compare-and-set on revision, on any database).
-- blocked_until_ms: no attempt of the subject is checked before it; 0 when not blocked.
CREATE TABLE login_throttle (
    subject          VARCHAR(300) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_ms  BIGINT       NOT NULL,
    blocked_until_ms BIGINT       NOT NULL,
    revision         INTEGER      NOT NULL
);

CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_ms);

-- The key that signs device cookies; the first node to start creates it, every node uses it.
CREATE TABLE device_cookie_key (
    id         VARCHAR(20)  PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
