package org.duban.directive.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.Light;
import org.duban.directive.NewDirective;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code directive} table. Written only by the directive's own steps, in the engine's transaction, so the
 * read model never shows a step that did not commit, nor misses one that did. Lock order, everywhere: a
 * directive's part rows before its directive row.
 */
@Component
public class DirectiveStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RowCache cache;

    DirectiveStore(JdbcTemplate jdbc, Clock clock, RowCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
    }

    /** Every write goes through here: the directive rows read so far in the transaction are forgotten. */
    private JdbcTemplate writes() {
        cache.forget("directive");
        return jdbc;
    }

    void insert(NewDirective d, String number, String processInstanceId, LocalDate yellowFrom, int parts) {
        writes().update("INSERT INTO directive (number, title, instruction, category, priority, lead_department, deadline, "
                        + "report_cycle, status, issued_by, issued_at, issued_on, process_instance_id, yellow_from, "
                        + "open_parts, responsible_leader, follow_up_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                number, d.title(), d.instruction(), d.category(), d.priority().key(), d.leadDepartment(),
                d.deadline(), d.reportCycle().key(), (d.draft() ? DirectiveStatus.DRAFT : DirectiveStatus.IN_PROGRESS).name(),
                d.issuedBy(), now(), today(), processInstanceId, yellowFrom, parts, d.draft() ? null : d.issuedBy(), d.followUpOf());
    }

    public Optional<DirectiveRow> find(String number) {
        return cache.get("directive " + number, () -> jdbc.query("SELECT * FROM directive WHERE number = ?", this::row,
                number).stream().findFirst());
    }

    public Optional<DirectiveRow> byInstance(String processInstanceId) {
        return cache.get("directive of " + processInstanceId, () -> jdbc.query("SELECT * FROM directive WHERE "
                + "process_instance_id = ?", this::row, processInstanceId).stream().findFirst());
    }

    public Optional<DirectiveStatus> status(String number) {
        return jdbc.queryForList("SELECT status FROM directive WHERE number = ?", String.class, number).stream()
                .findFirst().map(DirectiveStatus::valueOf);
    }

    void approved(String number, String leader) {
        writes().update("UPDATE directive SET responsible_leader = ? WHERE number = ?", leader, number);
    }

    /** The directive reaches its units: from now on they see it. */
    void dispatched(String number) {
        writes().update("UPDATE directive SET status = ?, dispatched_on = ? WHERE number = ?", DirectiveStatus.IN_PROGRESS.name(),
                today(), number);
    }

    /**
     * Counts one finished part down and answers how many are still open. The update locks the row, so of two
     * parts finishing at once the second waits for the first and sees its count: exactly one sees zero.
     */
    int partFinished(String number) {
        writes().update("UPDATE directive SET open_parts = open_parts - 1 WHERE number = ?", number);
        return openParts(number);
    }

    /** The open parts, read under the row's lock, so that a part finishing meanwhile waits for this transaction. */
    int lockOpenParts(String number) {
        Integer open = jdbc.queryForObject("SELECT open_parts FROM directive WHERE number = ? FOR UPDATE", Integer.class,
                number);
        return open == null ? 0 : open;
    }

    private int openParts(String number) {
        Integer open = jdbc.queryForObject("SELECT open_parts FROM directive WHERE number = ?", Integer.class, number);
        return open == null ? 0 : open;
    }

    void scored(String number, BigDecimal score) {
        writes().update("UPDATE directive SET score = ? WHERE number = ?", score, number);
    }

    void closed(String number) {
        writes().update("UPDATE directive SET status = ?, closed_at = ?, closed_on = ? WHERE number = ?",
                DirectiveStatus.CLOSED.name(), now(), today(), number);
    }

    /** Who withdraws and why, recorded by the request before the process is told. */
    void withdrawalRequested(String number, String by, String reason) {
        writes().update("UPDATE directive SET withdrawn_by = ?, withdrawal_reason = ? WHERE number = ?", by, reason, number);
    }

    /** Rejected or withdrawn; the caller cancels the open parts first (lock order). */
    void ended(String number, DirectiveStatus status) {
        writes().update("UPDATE directive SET status = ?, closed_at = ?, closed_on = ? WHERE number = ?", status.name(), now(),
                today(), number);
    }

    void light(String number, Light light) {
        writes().update("UPDATE directive SET light = ? WHERE number = ?", light == null ? null : light.name(), number);
    }

    public boolean wasDispatched(String number) {
        return !jdbc.queryForList("SELECT number FROM directive WHERE number = ? AND dispatched_on IS NOT NULL",
                String.class, number).isEmpty();
    }

    /** Open directives, and closed ones without a light (rows written before lights were stored). */
    List<String> toRefresh() {
        return jdbc.queryForList("SELECT number FROM directive WHERE status IN ('DRAFT', 'IN_PROGRESS') "
                + "OR (light IS NULL AND status = 'CLOSED')", String.class);
    }

    private DirectiveRow row(ResultSet rs, int i) throws SQLException {
        return new DirectiveRow(rs.getString("number"), rs.getString("title"), rs.getString("instruction"),
                rs.getString("category"), Priority.ofKey(rs.getString("priority")).orElseThrow(),
                rs.getString("lead_department"), rs.getObject("deadline", LocalDate.class),
                rs.getObject("yellow_from", LocalDate.class),
                ReportCycle.ofKey(rs.getString("report_cycle")).orElse(ReportCycle.NONE),
                DirectiveStatus.valueOf(rs.getString("status")), rs.getString("issued_by"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getString("process_instance_id"),
                rs.getString("responsible_leader"), rs.getObject("dispatched_on", LocalDate.class),
                (Integer) rs.getObject("open_parts"), rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                Lights.parse(rs.getString("light")), rs.getBigDecimal("score"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("follow_up_of"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkCalendar.ZONE));
    }
}
