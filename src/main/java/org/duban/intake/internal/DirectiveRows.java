package org.duban.intake.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.directive.DirectiveStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads directives for the index from the directive module's tables, read-only, as the other read-side modules
 * do: the row itself and every unit holding a part (who may see it).
 */
@Component
class DirectiveRows {

    private static final String COLUMNS = "SELECT number, title, instruction, lead_department, status, issued_on, "
            + "issued_at, dispatched_on FROM directive";

    private final JdbcTemplate jdbc;

    DirectiveRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Batch(List<IndexedDirective> directives, OffsetDateTime latestIssue) {}

    List<IndexedDirective> all() {
        return read(COLUMNS, List.of()).directives();
    }

    /** Directives issued after {@code after} (another node's, or one whose event this node missed). */
    Batch issuedAfter(OffsetDateTime after) {
        return after == null ? read(COLUMNS, List.of())
                : read(COLUMNS + " WHERE issued_at > ?", List.of(Timestamp.from(after.toInstant())));
    }

    List<IndexedDirective> one(String number) {
        return read(COLUMNS + " WHERE number = ?", List.of(number)).directives();
    }

    private Batch read(String sql, List<Object> arguments) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime[] latest = new OffsetDateTime[1];
        jdbc.query(sql, rs -> {
            OffsetDateTime issuedAt = rs.getObject("issued_at", OffsetDateTime.class);
            if (latest[0] == null || issuedAt.isAfter(latest[0])) {
                latest[0] = issuedAt;
            }
            rows.add(new Object[] {rs.getString("number"), rs.getString("title"), rs.getString("instruction"),
                    rs.getString("lead_department"), rs.getString("status"), rs.getObject("issued_on", java.time.LocalDate.class),
                    rs.getObject("dispatched_on") != null});
        }, arguments.toArray());
        Map<String, Set<String>> units = units(rows.size() == 1 ? (String) rows.get(0)[0] : null);
        List<IndexedDirective> directives = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String number = (String) r[0];
            java.time.LocalDate issuedOn = r[5] == null ? java.time.LocalDate.now(org.duban.system.BeijingTime.ZONE)
                    : (java.time.LocalDate) r[5];
            directives.add(new IndexedDirective(number, (String) r[1], (String) r[2], (String) r[3],
                    DirectiveStatus.valueOf((String) r[4]), issuedOn, units.getOrDefault(number, Set.of()), (Boolean) r[6]));
        }
        return new Batch(directives, latest[0]);
    }

    /** Every directive's units (or one directive's), in one query. */
    private Map<String, Set<String>> units(String number) {
        Map<String, Set<String>> units = new HashMap<>();
        jdbc.query("SELECT directive_number, department FROM directive_department"
                + (number == null ? "" : " WHERE directive_number = ?"), rs -> {
                    units.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getString(2));
                }, number == null ? new Object[0] : new Object[] {number});
        return units;
    }
}
