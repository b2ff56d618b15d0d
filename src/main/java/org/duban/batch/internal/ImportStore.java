package org.duban.batch.internal;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The tables {@code directive_import} and {@code directive_import_row}; a row's checked content is kept as JSON. */
@Component
class ImportStore {

    static final String PREVIEWED = "previewed";
    static final String CONFIRMING = "confirming";
    static final String CONFIRMED = "confirmed";

    /** An import as stored, without its rows. */
    record Import(long id, String fileName, String sha256, String uploadedBy, OffsetDateTime uploadedAt, boolean draft,
            String status, int total, int valid, int invalid, int duplicate, int toCreate, int created,
            List<String> warnings, String decidedBy, Boolean approved, int decided) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ImportStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    long insert(String fileName, String sha256, String uploadedBy, boolean draft, List<CheckedRow> rows,
            List<String> warnings) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO directive_import (file_name, sha256, "
                    + "uploaded_by, uploaded_at, draft, status, total_rows, valid_rows, invalid_rows, duplicate_rows, "
                    + "warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            statement.setString(1, fileName);
            statement.setString(2, sha256);
            statement.setString(3, uploadedBy);
            statement.setObject(4, OffsetDateTime.now(clock));
            statement.setBoolean(5, draft);
            statement.setString(6, PREVIEWED);
            statement.setInt(7, rows.size());
            statement.setInt(8, count(rows, CheckedRow.VALID));
            statement.setInt(9, count(rows, CheckedRow.INVALID));
            statement.setInt(10, count(rows, CheckedRow.DUPLICATE));
            statement.setString(11, write(warnings));
            return statement;
        }, key);
        long id = key.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO directive_import_row (import_id, sheet_row, status, same_key, content) "
                + "VALUES (?,?,?,?,?)", rows, 500, (statement, row) -> {
                    statement.setLong(1, id);
                    statement.setInt(2, row.row());
                    statement.setString(3, row.status());
                    statement.setString(4, row.sameKey());
                    statement.setString(5, write(row));
                });
        return id;
    }

    Optional<Import> find(long id) {
        return jdbc.query("SELECT * FROM directive_import WHERE id = ?", (rs, n) -> new Import(rs.getLong("id"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class), rs.getBoolean("draft"), rs.getString("status"),
                rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("invalid_rows"), rs.getInt("duplicate_rows"),
                rs.getInt("to_create"), rs.getInt("created_rows"), read(rs.getString("warnings"),
                        new TypeReference<List<String>>() {}), rs.getString("decided_by"),
                (Boolean) rs.getObject("approved"), rs.getInt("decided_rows")), id).stream().findFirst();
    }

    /** An office's import whose drafts await a leader's 批量批示. */
    record Awaiting(long id, String fileName, String uploadedBy, OffsetDateTime uploadedAt, int created) {}

    List<Awaiting> awaitingDecision() {
        return jdbc.query("SELECT id, file_name, uploaded_by, uploaded_at, created_rows FROM directive_import WHERE draft "
                + "AND status = ? AND decided_by IS NULL AND created_rows > 0 ORDER BY id", (rs, n) -> new Awaiting(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getInt(5)),
                CONFIRMED);
    }

    /** The latest confirmed import of a file with these bytes. */
    Optional<Long> confirmedWithSha(String sha256) {
        return jdbc.queryForList("SELECT id FROM directive_import WHERE sha256 = ? AND status IN (?, ?) ORDER BY id DESC",
                Long.class, sha256, CONFIRMED, CONFIRMING).stream().findFirst();
    }

    List<CheckedRow> rows(long id) {
        return jdbc.query("SELECT content FROM directive_import_row WHERE import_id = ? ORDER BY sheet_row",
                (rs, n) -> read(rs.getString(1), new TypeReference<CheckedRow>() {}), id);
    }

    /** Claims the import for confirmation; false when someone else has already claimed it. */
    boolean claim(long id, String userId, int toCreate) {
        return jdbc.update("UPDATE directive_import SET status = ?, to_create = ?, confirmed_by = ?, confirmed_at = ? "
                + "WHERE id = ? AND status = ?", CONFIRMING, toCreate, userId, OffsetDateTime.now(clock), id, PREVIEWED) == 1;
    }

    /** Replaces the rows confirmation handled; counts those that became directives. */
    void update(long id, List<CheckedRow> rows) {
        jdbc.batchUpdate("UPDATE directive_import_row SET status = ?, directive_number = ?, content = ? WHERE import_id = ? "
                + "AND sheet_row = ?", rows, 500, (statement, row) -> {
                    statement.setString(1, row.status());
                    statement.setString(2, row.directiveNumber());
                    statement.setString(3, write(row));
                    statement.setLong(4, id);
                    statement.setInt(5, row.row());
                });
        int created = (int) rows.stream().filter(r -> r.status().equals(CheckedRow.CREATED)).count();
        jdbc.update("UPDATE directive_import SET created_rows = created_rows + ? WHERE id = ?", created, id);
    }

    /** A confirmation that failed part-way: back to the preview, to be confirmed again. */
    void release(long id) {
        jdbc.update("UPDATE directive_import SET status = ? WHERE id = ? AND status = ?", PREVIEWED, id, CONFIRMING);
    }

    /** Claims the import's drafts for one leader's decision; false when a decision was taken already. */
    boolean claimDecision(long id, String leader, boolean approved, String note) {
        return jdbc.update("UPDATE directive_import SET decided_by = ?, decided_at = ?, approved = ?, decision_note = ? "
                + "WHERE id = ? AND decided_by IS NULL", leader, OffsetDateTime.now(clock), approved, note, id) == 1;
    }

    void decided(long id, int rows) {
        jdbc.update("UPDATE directive_import SET decided_rows = decided_rows + ? WHERE id = ?", rows, id);
    }

    void finished(long id) {
        jdbc.update("UPDATE directive_import SET status = ?, finished_at = ? WHERE id = ?", CONFIRMED,
                OffsetDateTime.now(clock), id);
    }

    private static int count(List<CheckedRow> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
