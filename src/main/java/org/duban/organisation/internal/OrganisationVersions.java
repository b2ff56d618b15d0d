package org.duban.organisation.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The organisation's versions (table {@code organisation_version}, owned here): the latest is in force. */
@Component
class OrganisationVersions {

    record Stored(long id, String content, String sha256, String loadedBy, String fileName, OffsetDateTime loadedAt,
            String summary) {}

    /** The history without the content, for the page and the API. */
    record Entry(long id, String loadedBy, String fileName, OffsetDateTime loadedAt, String summary) {}

    private static final String COLUMNS = "id, content, content_sha256, loaded_by, file_name, loaded_at, change_summary";
    private static final RowMapper<Stored> STORED = (rs, i) -> new Stored(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7));

    private final JdbcTemplate jdbc;

    OrganisationVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id: its version. */
    long insert(String content, String sha256, String loadedBy, String fileName, OffsetDateTime loadedAt,
            String summary) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO organisation_version (content, content_sha256, "
                    + "loaded_by, file_name, loaded_at, change_summary) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, content);
            insert.setString(2, sha256);
            insert.setString(3, loadedBy);
            insert.setString(4, fileName);
            insert.setObject(5, loadedAt);
            insert.setString(6, summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The highest id: 0 before anything was stored. */
    long version() {
        Long version = jdbc.queryForObject("SELECT MAX(id) FROM organisation_version", Long.class);
        return version == null ? 0 : version;
    }

    Optional<Stored> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM organisation_version ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                STORED).stream().findFirst();
    }

    /** The latest row that came from the file (index organisation_version_seed). */
    Optional<Stored> latestSeed(String fileName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM organisation_version WHERE file_name = ? ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY", STORED, fileName).stream().findFirst();
    }

    List<Entry> history(int limit) {
        return jdbc.query("SELECT id, loaded_by, file_name, loaded_at, change_summary FROM organisation_version "
                + "ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> new Entry(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
    }
}
