-- Issue #6: each person chooses immediate mail or one daily digest; quiet hours hold routine mail;
-- a reminder reaches a recipient at most once a Beijing day. Portable SQL: H2 and PostgreSQL.

-- No row means immediate, the default.
CREATE TABLE notification_preference (
    person_id   VARCHAR(64) PRIMARY KEY,
    delivery    VARCHAR(16) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- person_id: set when the recipient is a person (department mailboxes never get a digest).
-- link: what the mail points to, repeated in the digest.
-- dedupe_key: reminder kind, directive, department, recipient and Beijing date; NULL for every other
--   message. Unique, so that concurrent steps cannot both queue the same reminder.
-- digest_id: the digest message an item was folded into.
ALTER TABLE notification_outbox ADD COLUMN department VARCHAR(64);
ALTER TABLE notification_outbox ADD COLUMN person_id VARCHAR(64);
ALTER TABLE notification_outbox ADD COLUMN link VARCHAR(500);
ALTER TABLE notification_outbox ADD COLUMN dedupe_key VARCHAR(500);
ALTER TABLE notification_outbox ADD COLUMN digest_id BIGINT;

CREATE UNIQUE INDEX notification_outbox_dedupe ON notification_outbox (dedupe_key);
CREATE INDEX notification_outbox_digest ON notification_outbox (digest_id);
CREATE INDEX notification_outbox_directive ON notification_outbox (directive_number);
