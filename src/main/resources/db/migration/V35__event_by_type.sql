-- Issue #17: units with unusual patterns in a period (most urges, reworks, extension requests) count the
-- events of three types by time; without this index that count would walk the whole record.
CREATE INDEX directive_event_by_type ON directive_event (type, occurred_at);
