package org.duban.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.duban.organisation.Department;
import org.duban.organisation.InvalidOrganisationException;
import org.duban.organisation.Level;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;

/**
 * Turns {@code organisation.yaml} into an {@link Organisation}, or refuses it whole with every
 * problem named by file and entry, so that nothing is ever half-applied to the identity service.
 */
public class OrganisationFileReader {

    record DepartmentEntry(String code, String name, String parent, String level, String mailbox, String head,
            List<String> duties) {}

    record UserEntry(String id, String name, String email, String department, List<String> roles) {}

    record OrganisationFile(List<DepartmentEntry> departments, List<UserEntry> users) {}

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String ROLES = "leader, supervisor, department, auditor, admin";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Organisation read(String fileName, InputStream content) {
        OrganisationFile file;
        try {
            file = yaml.readValue(content, OrganisationFile.class);
        } catch (IOException e) {
            throw new InvalidOrganisationException(fileName, List.of("not readable as YAML: " + e.getMessage()));
        }
        if (file == null || file.departments() == null || file.departments().isEmpty()) {
            throw new InvalidOrganisationException(fileName, List.of("declares no departments"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, DepartmentEntry> departments = departments(file.departments(), problems);
        Map<String, UserEntry> users = users(file.users() == null ? List.of() : file.users(), departments, problems);
        departments.values().forEach(d -> {
            if (d.head() != null && !users.containsKey(d.head())) {
                problems.add("department '" + d.code() + "': head '" + d.head() + "' is not a declared user");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidOrganisationException(fileName, problems);
        }
        return new Organisation(
                departments.values().stream()
                        .map(d -> new Department(d.code(), d.name(), d.parent(), Level.ofKey(d.level()).orElseThrow(),
                                d.mailbox(), d.head(), d.duties())).toList(),
                users.values().stream()
                        .map(u -> new Member(u.id(), u.name(), u.email(), u.department(), roles(u.roles()))).toList());
    }

    private Map<String, DepartmentEntry> departments(List<DepartmentEntry> entries, List<String> problems) {
        Map<String, DepartmentEntry> byCode = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DepartmentEntry d = entries.get(i);
            String entry = d.code() == null ? "department #" + (i + 1) : "department '" + d.code() + "'";
            if (d.code() == null || !CODE.matcher(d.code()).matches()) {
                problems.add(entry + ": code must be lower-case letters, digits and single hyphens");
                continue;
            }
            if (byCode.putIfAbsent(d.code(), d) != null) {
                problems.add(entry + ": duplicate code, declared twice");
            }
            if (isBlank(d.name())) {
                problems.add(entry + ": name is missing");
            }
            if (d.level() == null) {
                problems.add(entry + ": level is missing (allowed: " + Level.keys() + ")");
            } else if (Level.ofKey(d.level()).isEmpty()) {
                problems.add(entry + ": unknown level '" + d.level() + "' (allowed: " + Level.keys() + ")");
            }
            if (d.mailbox() != null && !EMAIL.matcher(d.mailbox()).matches()) {
                problems.add(entry + ": mailbox '" + d.mailbox() + "' is not a valid e-mail address");
            }
            duties(entry, d.duties(), problems);
        }
        for (DepartmentEntry d : byCode.values()) {
            if (d.parent() != null && !byCode.containsKey(d.parent())) {
                problems.add("department '" + d.code() + "': unknown parent '" + d.parent() + "'");
            }
            Level level = Level.ofKey(d.level()).orElse(null);
            if (level == null) {
                continue;
            }
            if (d.parent() == null && level.rank() > 1) {
                problems.add("department '" + d.code() + "': a unit of level " + level.key() + " needs a parent");
            }
            DepartmentEntry parent = d.parent() == null ? null : byCode.get(d.parent());
            Level above = parent == null ? null : Level.ofKey(parent.level()).orElse(null);
            if (above != null && !level.isBelow(above)) {
                problems.add("department '" + d.code() + "': level " + level.key() + " is not below its parent '"
                        + parent.code() + "' (level " + above.key() + ")");
            }
        }
        reportCycles(byCode, problems);
        return byCode;
    }

    /** Duties are optional; when declared, each is one non-empty line of at most {@value #DUTY_LENGTH} characters. */
    private static void duties(String entry, List<String> duties, List<String> problems) {
        if (duties == null) {
            return;
        }
        if (duties.isEmpty()) {
            problems.add(entry + ": duties, when present, must list at least one duty");
        }
        for (int i = 0; i < duties.size(); i++) {
            String duty = duties.get(i);
            if (isBlank(duty)) {
                problems.add(entry + ": duty #" + (i + 1) + " is empty");
            } else if (duty.length() > DUTY_LENGTH) {
                problems.add(entry + ": duty #" + (i + 1) + " is longer than " + DUTY_LENGTH + " characters");
            }
        }
    }

    private static final int DUTY_LENGTH = 200;

    private static void reportCycles(Map<String, DepartmentEntry> byCode, List<String> problems) {
        Set<String> reported = new java.util.HashSet<>();
        for (DepartmentEntry start : byCode.values()) {
            List<String> chain = new ArrayList<>();
            String code = start.code();
            while (code != null && byCode.containsKey(code) && !chain.contains(code)) {
                chain.add(code);
                code = byCode.get(code).parent();
            }
            if (code != null && chain.contains(code) && code.equals(start.code()) && reported.add(code)) {
                chain.add(code);
                reported.addAll(chain);
                problems.add("department '" + start.code() + "': parents form a cycle " + String.join(" → ", chain));
            }
        }
    }

    private Map<String, UserEntry> users(List<UserEntry> entries, Map<String, DepartmentEntry> departments,
            List<String> problems) {
        Map<String, UserEntry> byId = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            UserEntry u = entries.get(i);
            String entry = u.id() == null ? "user #" + (i + 1) : "user '" + u.id() + "'";
            if (u.id() == null || !USER_ID.matcher(u.id()).matches()) {
                problems.add(entry + ": id must be letters, digits, '.', '_' or '-'");
                continue;
            }
            if (byId.putIfAbsent(u.id(), u) != null) {
                problems.add(entry + ": duplicate id, declared twice");
            }
            if (isBlank(u.name())) {
                problems.add(entry + ": name is missing");
            }
            if (u.email() == null || !EMAIL.matcher(u.email()).matches()) {
                problems.add(entry + ": e-mail '" + u.email() + "' is not a valid e-mail address");
            }
            if (isBlank(u.department())) {
                problems.add(entry + ": has no department");
            } else if (!departments.containsKey(u.department())) {
                problems.add(entry + ": unknown department '" + u.department() + "'");
            }
            if (u.roles() == null || u.roles().isEmpty()) {
                problems.add(entry + ": has no role (allowed: " + ROLES + ")");
            } else {
                for (String role : u.roles()) {
                    if (Role.ofKey(role).isEmpty()) {
                        problems.add(entry + ": unknown role '" + role + "' (allowed: " + ROLES + ")");
                    }
                }
            }
        }
        return byId;
    }

    private static Set<Role> roles(List<String> keys) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        keys.forEach(key -> roles.add(Role.ofKey(key).orElseThrow()));
        return roles;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
