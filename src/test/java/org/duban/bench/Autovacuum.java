package org.duban.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What autovacuum does on a server in use, for a benchmark on one where it is off (the CI server's configuration):
 * every {@code naptime} each database is visited, and each table whose dead rows or changes since its last analysis
 * pass autovacuum's default thresholds (50 rows and 20 % of the table for a vacuum, 50 and 10 % for an analysis) is
 * vacuumed or analysed. Without it a running engine's tables fill with dead rows and keep whatever statistics they
 * had: analysed once after the warm-up, when no loop was running and the bare replica's runtime tables were empty,
 * its task query by business key was planned as nested sequential scans of those swollen tables, 4.3 s a call, and
 * the replica fell to 0.3 loops a second (2026-12-03).
 */
final class Autovacuum implements AutoCloseable {

    /** PostgreSQL's {@code autovacuum_naptime}. */
    static final Duration NAPTIME = Duration.parse(System.getProperty("bench.autovacuum.naptime", "PT60S"));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-autovacuum");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger vacuumed = new AtomicInteger();
    private final AtomicInteger analysed = new AtomicInteger();

    /** Starts visiting the databases, the first time at once (a server's autovacuum has run all along). */
    static Autovacuum start(List<JdbcTemplate> databases) {
        Autovacuum autovacuum = new Autovacuum();
        autovacuum.scheduler.scheduleWithFixedDelay(() -> databases.forEach(autovacuum::visit), 0, NAPTIME.toMillis(),
                TimeUnit.MILLISECONDS);
        return autovacuum;
    }

    private void visit(JdbcTemplate database) {
        try {
            List<Due> due = database.query("""
                    SELECT s.schemaname, s.relname,
                           s.n_dead_tup > 50 + 0.2 * GREATEST(c.reltuples, 0),
                           s.n_mod_since_analyze > 50 + 0.1 * GREATEST(c.reltuples, 0)
                    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                    WHERE s.n_dead_tup > 50 + 0.2 * GREATEST(c.reltuples, 0)
                       OR s.n_mod_since_analyze > 50 + 0.1 * GREATEST(c.reltuples, 0)""",
                    (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            for (Due table : due) {
                String name = "\"" + table.schema() + "\".\"" + table.name() + "\"";
                // autovacuum analyses what it vacuums when the changes call for it too; VACUUM runs outside a transaction
                database.execute((table.vacuum() ? table.analyse() ? "VACUUM (ANALYZE) " : "VACUUM " : "ANALYZE ") + name);
                if (table.vacuum()) {
                    vacuumed.incrementAndGet();
                }
                if (table.analyse()) {
                    analysed.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            // a database dropped at the end of a run, a table dropped meanwhile: the next visit tries again
        }
    }

    private record Due(String schema, String name, boolean vacuum, boolean analyse) {}

    /** For the report: what was done so far. */
    String summary() {
        return String.format("autovacuum as on a server in use (every %d s): %d tables vacuumed, %d analysed",
                NAPTIME.toSeconds(), vacuumed.get(), analysed.get());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
