-- Tamper evidence for Duban's own events: each record carries the hash of its content, the hash of
-- the record before it, and its own chain hash over both. The chain head is one locked row, so
-- records are chained in the order they are written, across nodes.
ALTER TABLE directive_event ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE directive_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE directive_event ADD COLUMN chain_hash VARCHAR(64);

CREATE TABLE audit_chain_head (
    id            INTEGER PRIMARY KEY,
    last_event_id BIGINT,
    last_hash     VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_event_id, last_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
