package org.duban.directive.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.DirectiveText;
import org.duban.directive.DirectiveTexts;
import org.duban.system.BeijingTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Directives' texts and units in bulk: two queries however many directives (the intake index reads 100,000). */
@Component
class DirectiveTextQueries implements DirectiveTexts {

    private static final String COLUMNS = "SELECT number, title, instruction, lead_department, status, issued_on, "
            + "issued_at, dispatched_on FROM directive";

    private final JdbcTemplate jdbc;

    DirectiveTextQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DirectiveText> issuedAfter(OffsetDateTime after) {
        if (after == null) {
            return read(COLUMNS, "", new Object[0]);
        }
        // the units of those directives only: every node asks every half minute, and the whole table is every part
        // of every directive ever issued
        return read(COLUMNS + " WHERE issued_at > ?", " WHERE directive_number IN (SELECT number FROM directive "
                + "WHERE issued_at > ?)", new Object[] {Timestamp.from(after.toInstant())});
    }

    @Override
    public List<DirectiveText> one(String number) {
        return read(COLUMNS + " WHERE number = ?", " WHERE directive_number = ?", new Object[] {number});
    }

    /** The directives {@code sql} selects, with the units {@code unitsWhere} selects; both take {@code arguments}. */
    private List<DirectiveText> read(String sql, String unitsWhere, Object[] arguments) {
        record Row(String number, String title, String instruction, String lead, String status, LocalDate issuedOn,
                OffsetDateTime issuedAt, boolean dispatched) {}
        List<Row> rows = jdbc.query(sql, (rs, i) -> new Row(rs.getString("number"), rs.getString("title"),
                rs.getString("instruction"), rs.getString("lead_department"), rs.getString("status"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("dispatched_on") != null), arguments);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> units = new HashMap<>();
        jdbc.query("SELECT directive_number, department FROM directive_department" + unitsWhere,
                rs -> {
                    units.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getString(2));
                }, arguments);
        List<DirectiveText> texts = new ArrayList<>(rows.size());
        for (Row r : rows) {
            LocalDate issuedOn = r.issuedOn() != null ? r.issuedOn() : r.issuedAt().atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
            texts.add(new DirectiveText(r.number(), r.title(), r.instruction(), r.lead(), DirectiveStatus.valueOf(r.status()),
                    issuedOn, r.issuedAt(), r.dispatched(), units.getOrDefault(r.number(), Set.of())));
        }
        return texts;
    }
}
