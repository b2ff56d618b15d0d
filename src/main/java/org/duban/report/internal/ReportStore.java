package org.duban.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.report.ReportKind;
import org.duban.report.ReportPeriod;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code report} table: each kind and period at most once. */
@Component
class ReportStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    ReportStore(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Keeps the report unless one of its kind and period exists already.
     *
     * @return false when it existed, also when another node inserted it a moment ago
     */
    boolean insertOnce(ReportPeriod period, String content, String generatedBy, String processInstanceId) {
        if (find(period.kind(), period.key()).isPresent()) {
            return false;
        }
        try {
            // a savepoint: on PostgreSQL a failed insert would otherwise spoil the whole step's transaction
            savepoint.executeWithoutResult(status -> jdbc.update("INSERT INTO report (kind, period_key, title, "
                            + "period_from, period_to, as_of, content, generated_at, generated_by, process_instance_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    period.kind().key(), period.key(), period.title(), period.from(), period.to(), period.asOf(),
                    content, OffsetDateTime.now(clock), generatedBy, processInstanceId));
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    void replaceContent(ReportPeriod period, String content, String by) {
        jdbc.update("UPDATE report SET content = ?, title = ?, regenerated_at = ?, regenerated_by = ? "
                + "WHERE kind = ? AND period_key = ?", content, period.title(), OffsetDateTime.now(clock), by,
                period.kind().key(), period.key());
    }

    void mailed(ReportPeriod period, int recipients) {
        jdbc.update("UPDATE report SET mailed_to = ? WHERE kind = ? AND period_key = ?", recipients,
                period.kind().key(), period.key());
    }

    Optional<StoredReport> find(ReportKind kind, String periodKey) {
        return jdbc.query("SELECT * FROM report WHERE kind = ? AND period_key = ?", this::row, kind.key(), periodKey)
                .stream().findFirst();
    }

    /** Newest period first, optionally of one kind; without the content. */
    List<StoredReport> list(ReportKind kind, int limit, int offset) {
        String columns = "id, kind, period_key, title, period_from, period_to, as_of, '' AS content, generated_at, "
                + "generated_by, regenerated_at, regenerated_by, mailed_to";
        List<Object> args = new ArrayList<>();
        String where = "";
        if (kind != null) {
            where = " WHERE kind = ?";
            args.add(kind.key());
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + columns + " FROM report" + where
                + " ORDER BY period_to DESC, id DESC LIMIT ? OFFSET ?", this::row, args.toArray());
    }

    /** When a report of this kind was last written before {@code before}, if ever. */
    Optional<OffsetDateTime> lastGeneratedBefore(ReportKind kind, OffsetDateTime before) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(generated_at) FROM report WHERE kind = ? "
                + "AND generated_at < ?", OffsetDateTime.class, kind.key(), before));
    }

    long count(ReportKind kind) {
        Long count = kind == null ? jdbc.queryForObject("SELECT COUNT(*) FROM report", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE kind = ?", Long.class, kind.key());
        return count == null ? 0 : count;
    }

    private StoredReport row(ResultSet rs, int i) throws SQLException {
        return new StoredReport(rs.getLong("id"), rs.getString("kind"), rs.getString("period_key"), rs.getString("title"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("as_of", LocalDate.class), rs.getString("content"),
                rs.getObject("generated_at", OffsetDateTime.class), rs.getString("generated_by"),
                rs.getObject("regenerated_at", OffsetDateTime.class), rs.getString("regenerated_by"),
                (Integer) rs.getObject("mailed_to"));
    }
}
