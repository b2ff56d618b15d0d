package org.duban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a benchmark step's PostgreSQL time goes, statement by statement, when the server has
 * {@code pg_stat_statements} loaded ({@code shared_preload_libraries}; the CI server has not, so there this says so
 * and does nothing). How it was found that a part's light, written in an update of its own, cost a directive to
 * 1,173 units as much as all its tasks' inserts.
 */
final class PostgresStatements {

    private final JdbcTemplate jdbc;
    private final boolean available;

    PostgresStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        boolean loaded;
        try {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_statements", Long.class);
            loaded = true;
        } catch (RuntimeException notLoaded) {
            loaded = false;
        }
        this.available = loaded;
    }

    /** Forgets what was counted so far: what follows is the step. */
    void reset() {
        if (available) {
            jdbc.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements of this database since {@link #reset()}, by execution time, written to {@code file}. */
    void write(Path file, int top) throws IOException {
        // the first file a benchmark writes on a clean checkout: target/bench may not be there yet
        Files.createDirectories(file.getParent());
        if (!available) {
            Files.writeString(file, "pg_stat_statements is not loaded on this server (shared_preload_libraries)\n");
            return;
        }
        List<String> lines = jdbc.query("""
                SELECT calls, rows, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT ?""", (rs, i) -> String.format("%,8d calls %,9d rows %9.1f ms  %s",
                rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4)), top);
        Files.writeString(file, "calls, rows returned or written, execution time, statement\n"
                + lines.stream().collect(Collectors.joining("\n")) + "\n");
    }
}
