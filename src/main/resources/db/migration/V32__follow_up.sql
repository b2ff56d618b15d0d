-- Issue #17: a directive may be issued as the follow-up (后续事项) of an earlier one that duplicate detection found.
-- Owned by the directive module like the rest of the table. Numbered after V31 (not V10): databases already at
-- V31 would otherwise refuse an out-of-order migration.
ALTER TABLE directive ADD COLUMN follow_up_of VARCHAR(16);
