package org.duban.calendar.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The table {@code calendar_schedule}: every schedule ever loaded; the latest row of a year is in force. */
@Component
class CalendarSchedules {

    /** One loaded schedule. {@code loadedBy} null: from {@code fileName}. */
    record Stored(long id, int year, String source, String content, String loadedBy, String fileName,
            OffsetDateTime loadedAt, String summary) {

        boolean fromFile() {
            return loadedBy == null;
        }
    }

    private static final String COLUMNS = "id, calendar_year, source, content, loaded_by, file_name, loaded_at, change_summary";
    private static final RowMapper<Stored> ROW = (rs, row) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8));

    private final JdbcTemplate jdbc;

    CalendarSchedules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The schedule in force for each year, by year. */
    Map<Integer, Stored> current() {
        Map<Integer, Stored> current = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM calendar_schedule s WHERE id = "
                + "(SELECT MAX(id) FROM calendar_schedule l WHERE l.calendar_year = s.calendar_year) ORDER BY calendar_year",
                ROW).forEach(stored -> current.put(stored.year(), stored));
        return current;
    }

    /** Grows with every schedule loaded anywhere; 0 for none. */
    long version() {
        Long version = jdbc.queryForObject("SELECT MAX(id) FROM calendar_schedule", Long.class);
        return version == null ? 0 : version;
    }

    List<Stored> history(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_schedule ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                ROW);
    }

    List<Stored> history(int year, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_schedule WHERE calendar_year = ? ORDER BY id DESC FETCH FIRST "
                + limit + " ROWS ONLY", ROW, year);
    }

    void insert(int year, String source, String content, String loadedBy, String fileName, OffsetDateTime at,
            String summary) {
        jdbc.update("INSERT INTO calendar_schedule (calendar_year, source, content, loaded_by, file_name, loaded_at, "
                        + "change_summary) VALUES (?, ?, ?, ?, ?, ?, ?)", year, source, content, loadedBy, fileName, at,
                summary.length() > 4000 ? summary.substring(0, 4000) : summary);
    }
}
