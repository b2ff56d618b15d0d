package org.duban.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table: the module that owns a table is the only one whose code reads or writes it; everyone else
 * calls its typed API. Checked on the sources: every table our migrations create must have an owner here, and SQL
 * naming a table ({@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}) may appear only in its owner's package.
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/org/duban");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the package (under org/duban) that owns it. */
    static final Map<String, String> OWNERS = new LinkedHashMap<>();

    static {
        for (String table : List.of("directive", "directive_department", "directive_event", "audit_chain_head",
                "audit_checkpoint", "reminder_sent", "idempotency_key", "directive_number_sequence", "light_clock",
                "evidence_file", "risk_flag")) {
            OWNERS.put(table, "directive");
        }
        OWNERS.put("directive_import", "batch");
        OWNERS.put("directive_import_row", "batch");
        OWNERS.put("notification_outbox", "notification");
        OWNERS.put("notification_preference", "notification");
        OWNERS.put("report", "report");
        OWNERS.put("calendar_schedule", "calendar");
        OWNERS.put("organisation_version", "organisation");
        OWNERS.put("login_throttle", "security");
        OWNERS.put("device_cookie_key", "security");
        // Spring Session's own tables: written by the library only, configured in system
        OWNERS.put("spring_session", "system");
        OWNERS.put("spring_session_attributes", "system");
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        assertThat(tables()).allSatisfy(table -> assertThat(OWNERS).as("owner of table " + table).containsKey(table));
    }

    @Test
    void onlyTheOwnerQueriesItsTables() throws IOException {
        assertThat(violations(MAIN)).as("SQL on another module's table").isEmpty();
    }

    /** Each file outside a table's owner that names the table in SQL, as "file: table". */
    static List<String> violations(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = root.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                OWNERS.forEach((table, owner) -> {
                    if (!owner.equals(module) && names(source, table)) {
                        found.add(root.relativize(file) + ": " + table + " (owned by " + owner + ")");
                    }
                });
            }
        }
        return found;
    }

    private static boolean names(String source, String table) {
        return Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE)\\s+" + table + "\\b").matcher(source).find();
    }

    private static TreeSet<String> tables() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?(\\w+)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }
}
