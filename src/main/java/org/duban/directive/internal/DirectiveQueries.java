package org.duban.directive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.directive.Names;
import org.duban.directive.PartRole;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.DirectiveSummary;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.DirectiveView;
import org.duban.directive.LedgerFilter;
import org.duban.directive.Light;
import org.duban.organisation.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the directive read model, with the lights as stored and kept current by {@link LightClock}. */
@Component
public class DirectiveQueries {

    public record Page(List<DirectiveSummary> items, int page, int size, long total) {}

    private record Where(String sql, List<Object> args) {}

    private record Row(String number, String title, String instruction, String category, String priority,
            DirectiveStatus status, LocalDate deadline, String reportCycle, String lead, String issuedBy,
            OffsetDateTime issuedAt, OffsetDateTime closedAt, java.math.BigDecimal score, String light) {}

    private static final TypeReference<Map<String, Integer>> COMPONENTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final Timeline timeline;
    private final DirectiveTemplates templates;
    private final LightClock lightClock;
    private final Organisation organisation;
    private final Names names;
    private final ObjectMapper json;
    private final EvidenceStore evidence;
    private final org.duban.calendar.WorkCalendar calendar;

    DirectiveQueries(JdbcTemplate jdbc, DirectiveStore directives, PartStore parts, Timeline timeline,
            DirectiveTemplates templates, LightClock lightClock, Organisation organisation, Names names,
            ObjectMapper json, EvidenceStore evidence, org.duban.calendar.WorkCalendar calendar) {
        this.jdbc = jdbc;
        this.directives = directives;
        this.parts = parts;
        this.timeline = timeline;
        this.templates = templates;
        this.lightClock = lightClock;
        this.organisation = organisation;
        this.names = names;
        this.json = json;
        this.evidence = evidence;
        this.calendar = calendar;
    }

    /** The whole directive, as the office, leaders and auditors see it. */
    public Optional<DirectiveView> find(String number) {
        return find(number, null);
    }

    /**
     * The directive as {@code viewer} may see it: everything for the office, leaders and auditors; for a unit, its
     * own parts and their subtrees (and, for the lead unit, the directive's other own units), and the events of
     * those parts only ({@link PartTree#visibleTo}).
     */
    public Optional<DirectiveView> find(String number, org.duban.system.CurrentUser viewer) {
        lightClock.ensureCurrent();
        Optional<DirectiveRow> found = directives.find(number);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DirectiveRow d = found.get();
        List<PartRow> all = parts.of(number);
        PartTree tree = new PartTree(all);
        java.util.Set<String> visible = viewer == null || viewer.seesEverything() ? null : tree.visibleTo(viewer.departments());
        List<PartRow> rows = visible == null ? all : all.stream().filter(p -> visible.contains(p.unit())).toList();
        Map<String, Integer> evidenceCounts = evidence.countsByUnit(number);
        List<DirectiveView.Department> units = rows.stream().map(p -> department(p, tree, evidenceCounts)).toList();
        List<DirectiveView.TimelineEntry> entries = timeline.of(number).stream()
                .filter(e -> visible == null || e.unit() == null || visible.contains(e.unit()))
                // a dispatch that reached none of the viewer's units is not the viewer's event ("送达 0 个单位")
                .filter(e -> visible == null || !(e.details() instanceof org.duban.directive.EventDetails.Dispatched dispatched)
                        || dispatched.departments().stream().anyMatch(visible::contains))
                .map(e -> visible == null ? e : new Timeline.Entry(e.id(), e.number(), e.unit(), e.type(), e.actor(), e.at(),
                        onlyVisible(e.details(), visible)))
                .map(e -> new DirectiveView.TimelineEntry(e.at(), e.type().name(), e.type().label(), e.unit(),
                        e.unit() == null ? null : names.unit(e.unit()), e.actor(),
                        e.actor() == null ? null : names.person(e.actor()), e.details().describe(names), e.details()))
                .toList();
        LocalDate current = rows.stream().filter(p -> p.role() == PartRole.LEAD).map(PartRow::deadline).findFirst()
                .orElse(d.deadline());
        int delivered = (int) rows.stream().filter(PartRow::isDelivered).count();
        return Optional.of(new DirectiveView(d.number(), d.title(), d.instruction(), d.category(), d.priority().key(),
                d.status(), d.light(), d.deadline(), current, d.reportCycle().key(), d.leadUnit(), d.issuedBy(),
                d.responsibleLeader(), d.issuedAt(), d.closedAt(), d.score(), delivered, rows.size(), units, entries,
                calendar.hasSchedule(current.getYear()) ? null : current.getYear()
                        + " 年的国务院节假日安排尚未发布，工作日暂按周一至周五计算，安排载入后提醒与催办时间会随之调整",
                d.followUpOf()));
    }

    public Page list(LedgerFilter filter, int page, int size) {
        lightClock.ensureCurrent();
        Where where = where(filter);
        if (where == null) {
            return new Page(List.of(), page, size, 0);
        }
        long total = countByUnitsAlone(filter).orElseGet(() -> count(where));
        LedgerFilter.Sort sort = filter.sort() == null ? LedgerFilter.Sort.ISSUED : filter.sort();
        String direction = filter.ascending() ? " ASC" : " DESC";
        List<Object> pageArgs = new ArrayList<>(where.args());
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        // 佐证材料: units that sent files, and units whose files the reviewer verified (已报送 / 已核实)
        List<DirectiveSummary> items = jdbc.query("SELECT d.*, (SELECT COUNT(DISTINCT e.department) FROM evidence_file e "
                + "WHERE e.directive_number = d.number) AS units_reported, (SELECT COUNT(*) FROM directive_department r "
                + "WHERE r.directive_number = d.number AND r.evidence_verified = TRUE) AS units_verified FROM directive d"
                + where.sql() + " ORDER BY "
                + sort.orderBy(filter.ascending()) + ", d.number" + direction + " LIMIT ? OFFSET ?",
                (rs, i) -> summary(rs), pageArgs.toArray());
        return new Page(items, page, size, total);
    }

    /** What an export adds to each row: the co-units' names and the latest progress report, read in chunks. */
    public record ExportExtras(Map<String, List<String>> coUnits, Map<String, String> latestProgress) {}

    public ExportExtras exportExtras(List<String> numbers) {
        Map<String, List<String>> co = new java.util.HashMap<>();
        Map<String, String> progress = new java.util.HashMap<>();
        for (int from = 0; from < numbers.size(); from += 500) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + 500));
            String in = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            jdbc.query("SELECT directive_number, department FROM directive_department WHERE role = 'co' AND "
                    + "directive_number IN (" + in + ") ORDER BY position", rs -> {
                        co.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(names.unit(rs.getString(2)));
                    }, chunk.toArray());
            // ordered by id: the last one read for a directive is its latest
            jdbc.query("SELECT directive_number, department, occurred_at, details FROM directive_event WHERE type = "
                    + "'PROGRESS_REPORTED' AND directive_number IN (" + in + ") ORDER BY id", rs -> {
                        String note;
                        try {
                            note = json.readTree(rs.getString(4)).path("note").asText("");
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            note = "";
                        }
                        progress.put(rs.getString(1), rs.getObject(3, java.time.OffsetDateTime.class)
                                .atZoneSameInstant(org.duban.calendar.WorkCalendar.ZONE).toLocalDate() + " "
                                + names.unit(rs.getString(2)) + "：" + note);
                    }, chunk.toArray());
        }
        return new ExportExtras(co, progress);
    }

    /** How many directives the filter finds, without reading them. */
    public long count(LedgerFilter filter) {
        Where where = where(filter);
        return where == null ? 0 : countByUnitsAlone(filter).orElseGet(() -> count(where));
    }

    private long count(Where where) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM directive d" + where.sql(), Long.class, where.args().toArray());
        return total == null ? 0 : total;
    }

    /**
     * The total of a ledger filtered by units alone (a subtree, a level, or a level within a subtree, seen by someone
     * who sees every directive): counted on the parts' index of those units, without visiting the directives. The
     * level's units lie within the subtree when both are given, so the level alone decides.
     */
    private java.util.Optional<Long> countByUnitsAlone(LedgerFilter f) {
        boolean other = f.status() != null || f.light() != null || f.department() != null || f.category() != null
                || f.leader() != null || f.issuedFrom() != null || f.issuedTo() != null
                || f.text() != null && !f.text().isBlank() || f.visibleDepartments() != null;
        Collection<String> units = f.atLevel() != null ? f.atLevel() : f.subtree();
        if (other || units == null || units.isEmpty()) {
            return java.util.Optional.empty();
        }
        Long total = jdbc.queryForObject("SELECT COUNT(DISTINCT directive_number) FROM directive_department WHERE "
                + "department IN (" + units.stream().map(x -> "?").collect(Collectors.joining(",")) + ")", Long.class,
                units.toArray());
        return java.util.Optional.of(total == null ? 0 : total);
    }

    /** The ledger filter as SQL over {@code directive d}; null when the person can see no directive at all. */
    private Where where(LedgerFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND d.status = ?");
            args.add(filter.status().name());
        }
        if (filter.light() != null) {
            where.append(" AND d.light = ?");
            args.add(filter.light().name());
        }
        if (filter.department() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM directive_department p WHERE p.directive_number = d.number AND p.department = ?)");
            args.add(filter.department());
        }
        if (filter.category() != null) {
            where.append(" AND d.category = ?");
            args.add(filter.category());
        }
        if (filter.leader() != null) {
            where.append(" AND d.issued_by = ?");
            args.add(filter.leader());
        }
        if (filter.issuedFrom() != null) {
            where.append(" AND d.issued_on >= ?");
            args.add(filter.issuedFrom());
        }
        if (filter.issuedTo() != null) {
            where.append(" AND d.issued_on <= ?");
            args.add(filter.issuedTo());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (d.title LIKE ? OR d.number LIKE ?)");
            String like = "%" + filter.text().strip().replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
        }
        for (Collection<String> units : java.util.Arrays.asList(filter.subtree(), filter.atLevel())) {
            if (units == null) {
                continue;
            }
            if (units.isEmpty()) {
                return null;
            }
            where.append(" AND EXISTS (SELECT 1 FROM directive_department t WHERE t.directive_number = d.number AND t.department IN (")
                    .append(units.stream().map(x -> "?").collect(Collectors.joining(","))).append("))");
            args.addAll(units);
        }
        Collection<String> visible = filter.visibleDepartments();
        if (visible != null) {
            if (visible.isEmpty()) {
                return null;
            }
            // drafts reach departments only once a leader has approved and dispatched them
            where.append(" AND d.dispatched_on IS NOT NULL");
            where.append(" AND EXISTS (SELECT 1 FROM directive_department v WHERE v.directive_number = d.number AND v.department IN (")
                    .append(visible.stream().map(x -> "?").collect(Collectors.joining(","))).append("))");
            args.addAll(visible);
        }
        return new Where(where.toString(), args);
    }

    private DirectiveSummary summary(ResultSet rs) throws SQLException {
        Row d = row(rs, 0);
        return new DirectiveSummary(d.number(), d.title(), d.priority(), d.category(), categoryName(d.category()),
                d.status(), light(d.light()), d.deadline(), d.lead(), departmentName(d.lead()), d.issuedBy(),
                memberName(d.issuedBy()), d.issuedAt(), d.closedAt(), d.score(), rs.getInt("units_reported"),
                rs.getInt("units_verified"));
    }

    private String categoryName(String code) {
        return templates.find(code).map(t -> t.name()).orElse(code);
    }

    private String departmentName(String code) {
        return organisation.department(code).map(org.duban.organisation.Department::name).orElse(code);
    }

    private String memberName(String id) {
        return organisation.member(id).map(m -> m.name()).orElse(id);
    }

    private DirectiveView.Department department(PartRow p, PartTree tree, Map<String, Integer> evidenceCounts) {
        org.duban.organisation.Level level = organisation.department(p.unit()).map(org.duban.organisation.Department::level)
                .orElse(null);
        PartTree.Below below = tree.summaryBelow(p.unit());
        return new DirectiveView.Department(p.unit(), names.unit(p.unit()), p.role().key(), p.parentUnit(), p.status(),
                p.originalDeadline(), p.deadline(), p.light(), p.urgeCount(), p.extensionCount(), p.reworkCount(),
                p.returnCount(), p.escalated(), p.deliveredAt(), p.signedAt(), p.submittedAt(), p.doneAt(), p.lateDays(),
                p.signLateDays(), p.qualityRating(), p.score(), p.weight(), components(p.scoreComponents()),
                level == null ? null : level.key(), level == null ? null : level.label(), p.instruction(), below.open(),
                below.overdue(), below.worstOpen(), evidenceCounts.getOrDefault(p.unit(), 0), p.evidenceVerified());
    }

    /** An event of the directive as a whole names only the units the viewer may see. */
    private static org.duban.directive.EventDetails onlyVisible(org.duban.directive.EventDetails details,
            java.util.Set<String> visible) {
        if (details instanceof org.duban.directive.EventDetails.Dispatched d) {
            return new org.duban.directive.EventDetails.Dispatched(d.departments().stream().filter(visible::contains).toList());
        }
        if (details instanceof org.duban.directive.EventDetails.Issued i) {
            return new org.duban.directive.EventDetails.Issued(i.title(), i.draft(),
                    i.departments().stream().filter(visible::contains).toList(), i.deadline(), i.priority(),
                    i.below() == null ? List.of() : i.below().stream().filter(visible::contains).toList());
        }
        return details;
    }

    private Map<String, Integer> components(String value) {
        try {
            return value == null ? null : json.readValue(value, COMPONENTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Light light(String stored) {
        return stored == null ? null : Light.valueOf(stored);
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString("number"), rs.getString("title"), rs.getString("instruction"),
                rs.getString("category"), rs.getString("priority"), DirectiveStatus.valueOf(rs.getString("status")),
                rs.getObject("deadline", LocalDate.class), rs.getString("report_cycle"), rs.getString("lead_department"),
                rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getBigDecimal("score"), rs.getString("light"));
    }
}
