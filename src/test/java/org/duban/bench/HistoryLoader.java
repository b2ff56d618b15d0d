package org.duban.bench;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.duban.directive.internal.AuditHash;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Years of history for the benchmarks, on PostgreSQL: copies of one real finished directive (its directive and part
 * rows, its audit events appended to the chain with every hash computed as Duban computes it) and of the engine's
 * history rows of finished process instances. Copies get numbers no real directive has (DB-2023-000001…) and ids
 * with a suffix, spread over the three years before now.
 */
final class HistoryLoader {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;

    HistoryLoader(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** The number of the {@code copy}-th historic directive of {@code copies}. */
    static String historicNumber(int copy, int copies) {
        return "DB-" + (2023 + (int) ((long) copy * 3 / copies)) + "-" + String.format("%06d", copy + 1);
    }

    /** Directive and part rows of {@code copies} historic directives, like the template's. */
    void directives(String template, int copies) {
        copyRows("directive", "number", template, copies);
        copyRows("directive_department", "directive_number", template, copies);
        jdbc.execute("ANALYZE directive");
        jdbc.execute("ANALYZE directive_department");
    }

    /**
     * Appends {@code records} audit events to the chain, copies of the template directive's events, each copy under
     * the number of one of {@code directives} historic directives (cycling), under the chain's head lock like any
     * append, with COPY.
     */
    void auditRecords(String template, int records, int directives) {
        List<Map<String, Object>> events = jdbc.query("SELECT department, type, actor, occurred_at, details "
                + "FROM directive_event WHERE directive_number = ? ORDER BY id", (rs, row) -> {
                    Map<String, Object> e = new HashMap<>();
                    e.put("department", rs.getString("department"));
                    e.put("type", rs.getString("type"));
                    e.put("actor", rs.getString("actor"));
                    e.put("occurred_at", rs.getObject("occurred_at", OffsetDateTime.class));
                    e.put("details", rs.getString("details"));
                    return e;
                }, template);
        int copies = (records + events.size() - 1) / events.size();
        OffsetDateTime first = (OffsetDateTime) events.get(0).get("occurred_at");
        long spacingSeconds = 3L * 365 * 24 * 3600 / copies;
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(3);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            String previous = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                    String.class);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                int written = 0;
                for (int from = 0; from < copies && written < records; from += 5_000) {
                    StringBuilder csv = new StringBuilder();
                    for (int copy = from; copy < Math.min(copies, from + 5_000); copy++) {
                        String number = historicNumber(copy % directives, directives);
                        OffsetDateTime base = start.plusSeconds(copy * spacingSeconds);
                        for (Map<String, Object> e : events) {
                            if (written++ >= records) {
                                break;
                            }
                            OffsetDateTime at = base.plus(Duration.between(first, (OffsetDateTime) e.get("occurred_at")));
                            String department = (String) e.get("department");
                            String type = (String) e.get("type");
                            String actor = (String) e.get("actor");
                            String details = (String) e.get("details");
                            String content = AuditHash.content(number, department, type, actor, at, details);
                            String chain = AuditHash.chain(previous, content);
                            csv.append(field(number)).append(',').append(field(department)).append(',')
                                    .append(field(type)).append(',').append(field(actor)).append(',').append(at)
                                    .append(',').append(field(details)).append(',').append(content).append(',')
                                    .append(previous).append(',').append(chain).append('\n');
                            previous = chain;
                        }
                    }
                    try (Reader reader = new StringReader(csv.toString())) {
                        pg.getCopyAPI().copyIn("COPY directive_event (directive_number, department, type, actor, "
                                + "occurred_at, details, content_hash, previous_hash, chain_hash) FROM STDIN WITH (FORMAT csv)",
                                reader);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            Long last = jdbc.queryForObject("SELECT max(id) FROM directive_event", Long.class);
            jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_event_id = ? WHERE id = 1", previous, last);
        });
        jdbc.execute("ANALYZE directive_event");
    }

    /**
     * Copies the engine's history rows of the given root process instances {@code copies} times, in every history
     * table that has rows of them, and the grants that stay with that history (who may read a finished part and its
     * tasks, kept until the history's removal time): the authorization table grows with the years as well. Returns
     * the rows written.
     */
    long engineHistory(List<String> roots, int copies) {
        String in = roots.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND (table_name LIKE 'act\\_hi\\_%' OR table_name = 'act_ru_authorization') "
                + "ORDER BY table_name", String.class);
        long written = 0;
        for (String table : tables) {
            List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name, data_type FROM "
                    + "information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                    + "ORDER BY ordinal_position", table);
            List<String> names = columns.stream().map(c -> (String) c.get("column_name")).toList();
            String where;
            if (names.contains("root_proc_inst_id_")) {
                where = "root_proc_inst_id_ IN (" + in + ")";
            } else if (names.contains("dec_inst_id_")) {
                where = "dec_inst_id_ IN (SELECT id_ FROM act_hi_decinst WHERE root_proc_inst_id_ IN (" + in + "))";
            } else {
                continue;
            }
            String select = columns.stream().map(c -> rewritten((String) c.get("column_name"), (String) c.get("data_type")))
                    .collect(Collectors.joining(", "));
            for (int from = 1; from <= copies; from += 10_000) {
                written += jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + select
                        + " FROM " + table + " CROSS JOIN generate_series(" + from + ", " + Math.min(copies, from + 9_999)
                        + ") AS g WHERE " + where);
            }
            jdbc.execute("ANALYZE " + table);
        }
        return written;
    }

    /** Instance ids and business keys get the copy's suffix; definitions, activities, people stay. */
    private static String rewritten(String column, String type) {
        boolean text = type.startsWith("character");
        boolean instance = column.equals("id_") || column.endsWith("inst_id_") || column.endsWith("instance_id_")
                || column.equals("execution_id_") || column.equals("task_id_") || column.equals("parent_task_id_")
                || column.equals("job_id_") || column.equals("operation_id_") || column.equals("business_key_")
                || column.equals("proc_inst_id_") || column.equals("parent_act_inst_id_")
                // a grant on a historic instance or task names it by id
                || column.equals("resource_id_");
        if (text && instance) {
            // ids run up to 64 characters ("Task_SignDirective:" + a UUID): the copy keeps the unique tail
            return "CASE WHEN " + column + " IS NULL THEN NULL ELSE 'h' || g || ':' || right(" + column + ", 36) END";
        }
        if (type.startsWith("timestamp")) {
            return column + " - (g * interval '15 minutes')";
        }
        return column;
    }

    /** Copies the template's rows of a table once per historic directive, moving its times back with the copy. */
    private void copyRows(String table, String numberColumn, String template, int copies) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", table);
        long spacing = 3L * 365 * 24 * 3600 / copies;
        String select = columns.stream().map(c -> {
            String name = (String) c.get("column_name");
            String type = (String) c.get("data_type");
            if (name.equals(numberColumn)) {
                return "'DB-' || (2023 + (g::bigint * 3) / " + copies + ") || '-' || lpad((g + 1)::text, 6, '0')";
            }
            if (name.equals("process_instance_id")) {
                return "NULL";
            }
            if (type.startsWith("timestamp")) {
                return name + " - ((" + copies + " - g) * interval '" + spacing + " seconds')";
            }
            if (type.equals("date")) {
                return name + " - ((" + copies + " - g)::bigint * " + (3 * 365) + " / " + copies + ")::int";
            }
            return name;
        }).collect(Collectors.joining(", "));
        String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
        for (int from = 0; from < copies; from += 20_000) {
            jdbc.update("INSERT INTO " + table + " (" + names + ") SELECT " + select + " FROM " + table
                    + " CROSS JOIN generate_series(" + from + ", " + (Math.min(copies, from + 20_000) - 1) + ") AS g WHERE "
                    + numberColumn + " = ?", template);
        }
    }

    private static String field(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }
}
