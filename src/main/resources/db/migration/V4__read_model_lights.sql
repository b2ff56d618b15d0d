-- The pages read lights and periods from the read model instead of deriving them per request:
-- each part and directive keeps its current light (refreshed by the step that changes it and
-- again whenever the working day changes) and the Beijing dates the reports and scorecards group by.
ALTER TABLE directive ADD COLUMN light VARCHAR(16);
ALTER TABLE directive ADD COLUMN yellow_from DATE;
ALTER TABLE directive ADD COLUMN issued_on DATE;
ALTER TABLE directive ADD COLUMN closed_on DATE;
-- set when the directive reaches its departments; a draft never dispatched stays hidden from them
ALTER TABLE directive ADD COLUMN dispatched_on DATE;

ALTER TABLE directive_department ADD COLUMN light VARCHAR(16);
ALTER TABLE directive_department ADD COLUMN yellow_from DATE;
ALTER TABLE directive_department ADD COLUMN done_on DATE;

-- rows written before this migration get their dates here and their lights at the next refresh
UPDATE directive SET issued_on = CAST(issued_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
UPDATE directive SET closed_on = CAST(closed_at AT TIME ZONE 'Asia/Shanghai' AS DATE) WHERE closed_at IS NOT NULL;
UPDATE directive SET dispatched_on = issued_on WHERE status IN ('IN_PROGRESS', 'CLOSED');
UPDATE directive_department SET done_on = CAST(done_at AT TIME ZONE 'Asia/Shanghai' AS DATE) WHERE done_at IS NOT NULL;

CREATE INDEX directive_by_light ON directive (light, deadline);
-- the overview's counts read these indexes alone, without touching the rows
CREATE INDEX directive_by_status_light ON directive (status, light);
CREATE INDEX directive_by_issued_on ON directive (issued_on);
CREATE INDEX directive_by_dispatched_on ON directive (dispatched_on);
CREATE INDEX directive_by_closed_on ON directive (closed_on);
CREATE INDEX directive_by_issuer ON directive (issued_by, issued_on);
CREATE INDEX directive_department_by_light ON directive_department (department, light, status, done_on);
CREATE INDEX directive_department_by_done_on ON directive_department (done_on, department);
-- the overdue and due-soon lists: the earliest red or yellow parts first
CREATE INDEX directive_department_by_light_deadline ON directive_department (light, deadline, directive_number);

-- the working day the stored lights were last brought up to, shared by every node
CREATE TABLE light_clock (
    id     INTEGER PRIMARY KEY,
    as_of  DATE NOT NULL
);
INSERT INTO light_clock (id, as_of) VALUES (1, DATE '2000-01-01');
