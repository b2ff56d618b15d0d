-- Reaching the grassroots: a part passed down to a unit below carries its own instruction and report cycle
-- (null: the directive's); sub-parts hang under their parent's part by parent_department (V7).
ALTER TABLE directive_department ADD COLUMN instruction VARCHAR(5000);
ALTER TABLE directive_department ADD COLUMN report_cycle VARCHAR(16);
