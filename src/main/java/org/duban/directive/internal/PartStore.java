package org.duban.directive.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.Light;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;
import org.duban.system.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code directive_department} table: one row per unit's part. Each step writes only its own part's row;
 * a step that also changes the directive row does so afterwards (lock order: parts, then directive).
 */
@Component
public class PartStore {

    /**
     * A part to be assigned: the unit, its role, the unit above whose part it hangs under (null: the directive's own),
     * and for a part passed down its own instruction and report cycle (null: the directive's).
     */
    record NewPart(String unit, PartRole role, String parentUnit, LocalDate deadline, LocalDate yellowFrom,
            String instruction, String reportCycle) {

        NewPart(String unit, PartRole role, String parentUnit, LocalDate deadline, LocalDate yellowFrom) {
            this(unit, role, parentUnit, deadline, yellowFrom, null, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RowCache cache;

    PartStore(JdbcTemplate jdbc, Clock clock, RowCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
    }

    /** Every write goes through here: the part rows read so far in the transaction are forgotten. */
    private JdbcTemplate writes() {
        cache.forget("part");
        return jdbc;
    }

    void insert(String number, List<NewPart> parts, int firstPosition) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            NewPart p = parts.get(i);
            rows.add(new Object[] {number, p.unit(), p.role().key(), p.parentUnit(), firstPosition + i,
                    PartStatus.TO_SIGN.name(), p.deadline(), p.deadline(), p.yellowFrom(), p.instruction(), p.reportCycle()});
        }
        writes().batchUpdate("INSERT INTO directive_department (directive_number, department, role, parent_department, "
                + "position, status, original_deadline, deadline, yellow_from, instruction, report_cycle) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    public Optional<PartRow> byInstance(String processInstanceId) {
        return cache.get("part of " + processInstanceId, () -> jdbc.query("SELECT * FROM directive_department WHERE "
                + "process_instance_id = ?", this::row, processInstanceId).stream().findFirst());
    }

    public Optional<PartRow> find(String number, String unit) {
        return cache.get("part " + number + " " + unit, () -> jdbc.query("SELECT * FROM directive_department WHERE "
                + "directive_number = ? AND department = ?", this::row, number, unit).stream().findFirst());
    }

    /** Every part of a directive, in the order it was assigned. */
    public List<PartRow> of(String number) {
        return cache.get("parts " + number, () -> List.copyOf(jdbc.query("SELECT * FROM directive_department WHERE "
                + "directive_number = ? ORDER BY position", this::row, number)));
    }

    /** The parts hanging directly under {@code unit}'s part, in the order they were passed down. */
    public List<PartRow> subPartsOf(String number, String unit) {
        // by the parent index, not by reading every part: a brief of each of a fan-out's thousand tasks asks; but
        // where the step holds every part already (its lights were just refreshed), they are what a query answers
        return cache.get("parts " + number + " under " + unit, () -> cache.<List<PartRow>>peek("parts " + number)
                .map(all -> all.stream().filter(p -> unit.equals(p.parentUnit())).toList())
                .orElseGet(() -> List.copyOf(jdbc.query("SELECT * FROM directive_department WHERE directive_number = ? "
                        + "AND parent_department = ? ORDER BY position", this::row, number, unit))));
    }

    /**
     * Reads the sub-parts of several units' parts at once, kept for the rest of the transaction as
     * {@link #subPartsOf} would read them: a delivery's batch writes the brief of each of its parts' tasks, and each
     * brief asks for its part's sub-parts (one query for the batch, not one for each of its fifty parts).
     */
    void readAheadSubParts(String number, List<String> units) {
        if (units.isEmpty()) {
            return;
        }
        List<Object> arguments = new ArrayList<>(List.of(number));
        arguments.addAll(units);
        List<PartRow> below = jdbc.query("SELECT * FROM directive_department WHERE directive_number = ? AND "
                + "parent_department IN (" + SqlLists.marks(units.size())
                + ") ORDER BY position", this::row, arguments.toArray());
        for (String unit : units) {
            cache.remember("parts " + number + " under " + unit,
                    below.stream().filter(p -> unit.equals(p.parentUnit())).toList());
        }
    }

    /** The position the next part of the directive takes. */
    int nextPosition(String number) {
        Integer max = jdbc.queryForObject("SELECT MAX(position) FROM directive_department WHERE directive_number = ?",
                Integer.class, number);
        return max == null ? 0 : max + 1;
    }

    public List<String> units(String number) {
        return jdbc.queryForList("SELECT department FROM directive_department WHERE directive_number = ? ORDER BY position",
                String.class, number);
    }

    /**
     * The next parts of a directive still to be delivered, locked for this transaction; parts another node's
     * delivery holds are skipped, so two deliveries never start the same part.
     */
    List<PartRow> undelivered(String number, int limit) {
        return jdbc.query("SELECT * FROM directive_department WHERE directive_number = ? AND process_instance_id IS NULL "
                + "AND status = 'TO_SIGN' ORDER BY position FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                this::row, number);
    }

    int countUndelivered(String number) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directive_department WHERE directive_number = ? "
                + "AND process_instance_id IS NULL AND status = 'TO_SIGN'", Integer.class, number);
        return count == null ? 0 : count;
    }

    /**
     * The part has reached its unit, with the light it shows from now on: one row update (the light is in indexes
     * the delivery's update touches anyway; a second update of its own cost a directive to 1,173 units as much
     * PostgreSQL time as all its tasks' inserts). Answers the row as written, and the rest of the transaction reads
     * that instead of reading it back: {@code part} is the row the delivery locked, so nothing else changed it.
     */
    PartRow delivered(PartRow part, String processInstanceId, OffsetDateTime signDueAt, Light light) {
        // as the column keeps them: to the microsecond
        PartRow written = part.delivered(processInstanceId, now().truncatedTo(ChronoUnit.MICROS),
                signDueAt.truncatedTo(ChronoUnit.MICROS), light);
        jdbc.update("UPDATE directive_department SET process_instance_id = ?, delivered_at = ?, sign_due_at = ?, "
                + "light = ? WHERE directive_number = ? AND department = ?", processInstanceId, written.deliveredAt(),
                written.signDueAt(), light == null ? null : light.name(), part.number(), part.unit());
        // what was read of other rows still holds (the rest of the batch, what was read ahead for its briefs): only
        // the lists this row is in are forgotten
        cache.forgetExactly("parts " + part.number());
        if (part.isSubPart()) {
            cache.forgetExactly("parts " + part.number() + " under " + part.parentUnit());
        }
        cache.remember("part of " + processInstanceId, Optional.of(written));
        cache.remember("part " + part.number() + " " + part.unit(), Optional.of(written));
        return written;
    }

    void signed(PartRow p, int signLateDays) {
        update(p, "status = ?, signed_at = ?, sign_late_days = ?", PartStatus.HANDLING.name(), now(), signLateDays);
    }

    void returned(PartRow p, String reason) {
        update(p, "status = ?, return_reason = ?, return_count = return_count + 1", PartStatus.RETURNED.name(), reason);
    }

    /** The office insisted: the same unit signs again. */
    void returnRefused(PartRow p) {
        update(p, "status = ?, return_reason = NULL", PartStatus.TO_SIGN.name());
    }

    /** The part moves to another unit, which signs afresh; the returning unit is not scored for it. */
    void reassigned(PartRow p, String newUnit, OffsetDateTime signDueAt) {
        writes().update("UPDATE directive_department SET department = ?, status = ?, return_reason = NULL, sign_due_at = ?, "
                        + "delivered_at = ? WHERE directive_number = ? AND department = ?",
                newUnit, PartStatus.TO_SIGN.name(), signDueAt, now(), p.number(), p.unit());
    }

    void progressReported(PartRow p) {
        update(p, "last_progress_on = ?", today());
    }

    void extensionRequested(PartRow p, LocalDate requested, String reason) {
        update(p, "status = ?, requested_deadline = ?, extension_reason = ?", PartStatus.EXTENSION_REQUESTED.name(),
                requested, reason);
    }

    void extended(PartRow p, LocalDate deadline, LocalDate yellowFrom) {
        update(p, "deadline = ?, yellow_from = ?, status = ?, extension_count = extension_count + 1, "
                + "requested_deadline = NULL, extension_reason = NULL", deadline, yellowFrom, PartStatus.HANDLING.name());
    }

    void yellowFrom(PartRow p, LocalDate yellowFrom) {
        update(p, "yellow_from = ?", yellowFrom);
    }

    /** Every part still being worked on, with its engine instance: what a calendar change may move. */
    List<PartRow> openWithInstance() {
        return jdbc.query("SELECT * FROM directive_department WHERE process_instance_id IS NOT NULL AND status NOT IN "
                + "('DONE', 'CANCELLED') ORDER BY directive_number, position", this::row);
    }

    void extensionRefused(PartRow p) {
        update(p, "status = ?, requested_deadline = NULL, extension_reason = NULL", PartStatus.HANDLING.name());
    }

    void submitted(PartRow p, int lateDays) {
        update(p, "status = ?, submitted_at = ?, submitted_on = ?, late_days = ?", PartStatus.UNDER_REVIEW.name(), now(),
                today(), lateDays);
    }

    void accepted(PartRow p, int qualityRating, boolean evidenceVerified) {
        update(p, "quality_rating = ?, evidence_verified = ?", qualityRating, evidenceVerified);
    }

    void reworked(PartRow p) {
        update(p, "status = ?, rework_count = rework_count + 1, reworked_on = ?", PartStatus.HANDLING.name(), today());
    }

    void scored(PartRow p, BigDecimal score, BigDecimal weight, String componentsJson) {
        update(p, "status = ?, done_at = ?, done_on = ?, score = ?, weight = ?, score_components = ?",
                PartStatus.DONE.name(), now(), today(), score, weight, componentsJson);
    }

    void urged(PartRow p) {
        update(p, "urge_count = urge_count + 1");
    }

    void escalated(PartRow p) {
        update(p, "escalated = TRUE");
    }

    /** These parts are taken back (a withdrawn sub-part and everything below it). */
    void cancel(String number, List<String> units) {
        for (String unit : units) {
            writes().update("UPDATE directive_department SET status = ? WHERE directive_number = ? AND department = ? "
                    + "AND status <> ?", PartStatus.CANCELLED.name(), number, unit, PartStatus.DONE.name());
        }
    }

    /** Every part of the directive that is not done ends with it (rejected or withdrawn). */
    void cancelOpen(String number) {
        writes().update("UPDATE directive_department SET status = ? WHERE directive_number = ? AND status <> ? AND status <> ?",
                PartStatus.CANCELLED.name(), number, PartStatus.DONE.name(), PartStatus.CANCELLED.name());
    }

    /**
     * The light of a part, written only if the part is still as it was read (status and deadline): a step that
     * changed it meanwhile writes its own light.
     */
    void light(PartRow p, Light light) {
        writes().update("UPDATE directive_department SET light = ? WHERE directive_number = ? AND department = ? "
                        + "AND status = ? AND deadline = ?", light == null ? null : light.name(), p.number(), p.unit(),
                p.status().name(), p.deadline());
    }

    /** Records that a reminder of this kind went out for this date; false if it already had. */
    boolean firstReminder(PartRow p, String kind, LocalDate referenceDate) {
        return writes().update("INSERT INTO reminder_sent (directive_number, department, kind, reference_date) "
                        + "SELECT ?, ?, ?, ? FROM directive_department WHERE directive_number = ? AND department = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM reminder_sent WHERE directive_number = ? AND department = ? "
                        + "AND kind = ? AND reference_date = ?)",
                p.number(), p.unit(), kind, referenceDate, p.number(), p.unit(), p.number(), p.unit(), kind,
                referenceDate) > 0;
    }

    /** Every reminder already sent for the part, as {@code kind@date}. */
    java.util.Set<String> remindersSent(PartRow p) {
        return new java.util.HashSet<>(jdbc.query("SELECT kind, reference_date FROM reminder_sent WHERE directive_number = ? "
                + "AND department = ?", (rs, i) -> rs.getString(1) + "@" + rs.getObject(2, LocalDate.class), p.number(),
                p.unit()));
    }

    private void update(PartRow p, String set, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = p.number();
        args[values.length + 1] = p.unit();
        writes().update("UPDATE directive_department SET " + set + " WHERE directive_number = ? AND department = ?", args);
    }

    PartRow row(ResultSet rs, int i) throws SQLException {
        return new PartRow(rs.getString("directive_number"), rs.getString("department"),
                PartRole.ofKey(rs.getString("role")).orElse(PartRole.CO), rs.getString("parent_department"),
                rs.getInt("position"), PartStatus.valueOf(rs.getString("status")),
                rs.getObject("original_deadline", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("yellow_from", LocalDate.class), rs.getObject("delivered_at", OffsetDateTime.class),
                rs.getObject("sign_due_at", OffsetDateTime.class), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("done_at", OffsetDateTime.class), rs.getObject("done_on", LocalDate.class),
                rs.getInt("urge_count"), rs.getInt("extension_count"), rs.getInt("rework_count"),
                rs.getInt("return_count"), rs.getBoolean("escalated"), (Integer) rs.getObject("sign_late_days"),
                (Integer) rs.getObject("late_days"), (Integer) rs.getObject("quality_rating"), rs.getBigDecimal("score"),
                rs.getBigDecimal("weight"), rs.getString("score_components"),
                rs.getObject("last_progress_on", LocalDate.class), rs.getString("return_reason"),
                rs.getObject("requested_deadline", LocalDate.class), rs.getString("extension_reason"),
                rs.getString("process_instance_id"), Lights.parse(rs.getString("light")), rs.getString("instruction"),
                rs.getString("report_cycle"), rs.getBoolean("evidence_verified"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkCalendar.ZONE));
    }
}
