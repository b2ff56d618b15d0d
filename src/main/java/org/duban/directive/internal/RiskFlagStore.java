package org.duban.directive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Table {@code risk_flag}: early-warning flags, at most one open per part and rule (the open_key index). */
@Component
public class RiskFlagStore {

    /** One flag as stored. */
    public record RiskFlagRow(long id, String number, String unit, String rule, String reason, OffsetDateTime raisedAt,
            String handledBy, OffsetDateTime handledAt, String handledNote) {

        public boolean isOpen() {
            return handledAt == null;
        }
    }

    private final JdbcTemplate jdbc;

    RiskFlagStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises a flag unless one is open for the part and rule; true when this call raised it. */
    public boolean raise(String number, String unit, String rule, String reason, OffsetDateTime at) {
        try {
            return jdbc.update("INSERT INTO risk_flag (directive_number, department, rule, reason, raised_at, open_key) "
                    + "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM risk_flag WHERE open_key = ?)",
                    number, unit, rule, reason, at, openKey(number, unit, rule), openKey(number, unit, rule)) == 1;
        } catch (DuplicateKeyException raisedMeanwhile) {
            // another node's pass raised the same flag at the same moment: the index kept it to one
            return false;
        }
    }

    /** Marks an open flag handled; false when it is not open (already handled, or unknown). */
    public boolean handle(long id, String by, String note, OffsetDateTime at) {
        return jdbc.update("UPDATE risk_flag SET handled_by = ?, handled_at = ?, handled_note = ?, open_key = NULL "
                + "WHERE id = ? AND handled_at IS NULL", by, at, note, id) == 1;
    }

    /** The open flag of a part and rule, if any. */
    public Optional<RiskFlagRow> openOf(String number, String unit, String rule) {
        return jdbc.query("SELECT * FROM risk_flag WHERE open_key = ?", RiskFlagStore::row, openKey(number, unit, rule))
                .stream().findFirst();
    }

    public Optional<RiskFlagRow> find(long id) {
        return jdbc.query("SELECT * FROM risk_flag WHERE id = ?", RiskFlagStore::row, id).stream().findFirst();
    }

    public List<RiskFlagRow> open() {
        return jdbc.query("SELECT * FROM risk_flag WHERE handled_at IS NULL ORDER BY raised_at DESC, id DESC",
                RiskFlagStore::row);
    }

    public List<RiskFlagRow> ofDirective(String number) {
        return jdbc.query("SELECT * FROM risk_flag WHERE directive_number = ? ORDER BY raised_at DESC, id DESC",
                RiskFlagStore::row, number);
    }

    private static String openKey(String number, String unit, String rule) {
        return number + "|" + unit + "|" + rule;
    }

    private static RiskFlagRow row(ResultSet rs, int n) throws SQLException {
        return new RiskFlagRow(rs.getLong("id"), rs.getString("directive_number"), rs.getString("department"),
                rs.getString("rule"), rs.getString("reason"), rs.getObject("raised_at", OffsetDateTime.class),
                rs.getString("handled_by"), rs.getObject("handled_at", OffsetDateTime.class),
                rs.getString("handled_note"));
    }
}
