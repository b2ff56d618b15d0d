package org.duban.directive.internal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.LedgerFilter;
import org.duban.directive.Light;
import org.duban.organisation.Level;
import org.duban.organisation.Organisation;
import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;

/**
 * The ledger's query string as sent by the page, the export links and the API; kept as text so that
 * every wrong value is reported by name, in Chinese, instead of failing the binding.
 */
record LedgerParameters(String status, String light, String department, String category, String leader, String from,
        String to, String q, String sort, String order, Integer page, Integer size, String under, String level) {

    static final int MAX_PAGE_SIZE = 200;

    LedgerFilter toFilter(CurrentUser user, Organisation organisation) {
        List<FieldProblem> problems = new ArrayList<>();
        String under = blankToNull(this.under);
        if (under != null && organisation.department(under).isEmpty()) {
            problems.add(new FieldProblem("under", "单位“" + under + "”不存在"));
        }
        Level level = null;
        if (blankToNull(this.level) != null) {
            level = Level.ofKey(this.level.strip()).orElse(null);
            if (level == null) {
                problems.add(new FieldProblem("level", "层级“" + this.level + "”无效，可选 city、district、office、street、"
                        + "community、grid"));
            }
        }
        DirectiveStatus status = parse("status", this.status, DirectiveStatus.class, problems, "状态");
        Light light = parse("light", this.light, Light.class, problems, "灯色");
        LedgerFilter.Sort sort = parse("sort", this.sort, LedgerFilter.Sort.class, problems, "排序字段");
        LocalDate from = date("from", this.from, problems);
        LocalDate to = date("to", this.to, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("to", "结束日期不能早于开始日期"));
        }
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            problems.add(new FieldProblem("order", "排序方向只能是 asc 或 desc"));
        }
        if (page != null && page < 0) {
            problems.add(new FieldProblem("page", "页码不能为负数"));
        }
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            problems.add(new FieldProblem("size", "每页条数应在 1–" + MAX_PAGE_SIZE + " 之间"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        java.util.Set<String> subtree = under == null ? null : organisation.subtree(under);
        List<String> atLevel = level == null ? null : organisation.at(level, under).stream().map(d -> d.code()).toList();
        return new LedgerFilter(status, light, blankToNull(department), blankToNull(category), blankToNull(leader), from,
                to, blankToNull(q), sort, "asc".equals(order), user.seesEverything() ? null : user.departments(), subtree,
                atLevel);
    }

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOr(int fallback) {
        return size == null ? fallback : size;
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type, List<FieldProblem> problems,
            String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, label + "“" + value + "”无效"));
            return null;
        }
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "日期格式应为 2026-11-25"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
