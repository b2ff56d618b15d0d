package org.duban.directive.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.BusinessTime;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.NewDirective;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Level;
import org.duban.organisation.Organisation;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Checks an issue request field by field, for the API and for a start form in Tasklist alike. */
@Component
public class DirectiveRequestValidator {

    static final int MAX_TITLE = 100;
    static final int MAX_INSTRUCTION = 5000;
    static final int MAX_TARGETS = 10;

    private final Organisation organisation;
    private final DirectiveTemplates templates;
    private final WorkCalendar calendar;
    private final int maxUnits;
    private final DirectiveStore directives;

    DirectiveRequestValidator(Organisation organisation, DirectiveTemplates templates, WorkCalendar calendar,
            @org.springframework.beans.factory.annotation.Value("${duban.dispatch.max-units:2000}") int maxUnits,
            DirectiveStore directives) {
        this.directives = directives;
        this.organisation = organisation;
        this.templates = templates;
        this.calendar = calendar;
        this.maxUnits = maxUnits;
    }

    NewDirective validate(DirectiveRequest request, String issuedBy, boolean draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = text(request.title(), "title", "标题", MAX_TITLE, problems);
        String instruction = text(request.instruction(), "instruction", "批示内容", MAX_INSTRUCTION, problems);
        String category = blank(request.category()) ? templates.defaultTemplate().code() : request.category().trim();
        if (templates.find(category).isEmpty()) {
            problems.add(new FieldProblem("category", "事项类别“" + category + "”不存在"));
        }
        Priority priority = null;
        if (blank(request.priority())) {
            problems.add(new FieldProblem("priority", "请选择优先级（normal 一般、urgent 紧急、critical 特急）"));
        } else {
            priority = Priority.ofKey(request.priority()).orElse(null);
            if (priority == null) {
                problems.add(new FieldProblem("priority", "优先级只能是 normal、urgent 或 critical"));
            }
        }
        String lead = request.leadDepartment();
        if (blank(lead)) {
            problems.add(new FieldProblem("leadDepartment", "请选择主办单位"));
        } else if (organisation.department(lead).isEmpty()) {
            problems.add(new FieldProblem("leadDepartment", "主办单位“" + lead + "”不存在"));
        }
        List<String> co = request.coDepartments() == null ? List.of() : request.coDepartments();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < co.size(); i++) {
            String code = co.get(i);
            String field = "coDepartments[" + i + "]";
            if (blank(code) || organisation.department(code).isEmpty()) {
                problems.add(new FieldProblem(field, "协办单位“" + code + "”不存在"));
            } else if (code.equals(lead)) {
                problems.add(new FieldProblem(field, "主办单位不能同时列为协办单位"));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(field, "协办单位“" + code + "”重复"));
            }
        }
        List<String> allCo = new ArrayList<>(co);
        List<NewDirective.SubPart> subParts = new ArrayList<>();
        List<NewDirective.Target> targets = targets(request.targets(), lead, allCo, subParts, problems);
        LocalDate deadline = deadline(request.deadline(), problems);
        ReportCycle cycle = ReportCycle.NONE;
        if (!blank(request.reportCycle())) {
            cycle = ReportCycle.ofKey(request.reportCycle()).orElse(null);
            if (cycle == null) {
                problems.add(new FieldProblem("reportCycle", "反馈周期只能是 none、daily、weekly 或 monthly"));
            }
        }
        String followUpOf = blank(request.followUpOf()) ? null : request.followUpOf().strip();
        // only leaders and the office issue, and they see every directive: existing is being visible
        if (followUpOf != null && (followUpOf.length() > 16 || directives.status(followUpOf).isEmpty())) {
            problems.add(new FieldProblem("followUpOf", "督办事项“" + followUpOf + "”不存在，不能作为前序事项"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewDirective(title, instruction, category, priority, lead, allCo, deadline, cycle, issuedBy, draft,
                subParts, targets, followUpOf);
    }

    /**
     * Resolves the units named by the tree. Every unit of the level below {@code under} is reached, each under the
     * part of the unit above it: the units between it and {@code under} take part too (a community's street under
     * its district), and {@code under} itself becomes one of the directive's units if it is not one already. A level
     * city-wide adds its units as co-units. Adds to {@code co} and {@code subParts}; answers what each target
     * resolved to, for the record.
     */
    private List<NewDirective.Target> targets(List<DirectiveRequest.Target> requested, String lead, List<String> co,
            List<NewDirective.SubPart> subParts, List<FieldProblem> problems) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.size() > MAX_TARGETS) {
            problems.add(new FieldProblem("targets", "一次最多按 " + MAX_TARGETS + " 个层级范围选择单位"));
            return List.of();
        }
        java.util.Map<String, String> parentOf = new java.util.LinkedHashMap<>();
        Set<String> own = new java.util.LinkedHashSet<>();
        if (lead != null) {
            own.add(lead);
        }
        own.addAll(co);
        List<NewDirective.Target> resolved = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            DirectiveRequest.Target target = requested.get(i);
            String field = "targets[" + i + "]";
            if (target == null) {
                problems.add(new FieldProblem(field, "层级范围不能为空"));
                continue;
            }
            Level level = null;
            if (blank(target.level())) {
                problems.add(new FieldProblem(field + ".level", "请选择层级"));
            } else {
                level = Level.ofKey(target.level().strip()).orElse(null);
                if (level == null) {
                    problems.add(new FieldProblem(field + ".level", "层级“" + target.level() + "”不存在（可选："
                            + java.util.Arrays.stream(Level.values()).map(l -> l.key() + " " + l.label())
                                    .collect(java.util.stream.Collectors.joining("、")) + "）"));
                }
            }
            String under = blank(target.under()) ? null : target.under().strip();
            Department above = under == null ? null : organisation.department(under).orElse(null);
            if (under != null && above == null) {
                problems.add(new FieldProblem(field + ".under", "上级单位“" + under + "”不存在"));
                continue;
            }
            if (level == null) {
                continue;
            }
            if (above != null && !level.isBelow(above.level())) {
                problems.add(new FieldProblem(field + ".level", above.name() + "（" + above.level().label() + "）之下没有"
                        + level.label() + "一级"));
                continue;
            }
            List<Department> units = organisation.at(level, under);
            if (units.isEmpty()) {
                problems.add(new FieldProblem(field, (above == null ? "全市" : above.name() + "之下") + "没有" + level.label()
                        + "级单位"));
                continue;
            }
            for (Department unit : units) {
                if (under == null) {
                    if (parentOf.containsKey(unit.code())) {
                        problems.add(new FieldProblem(field, unit.name() + "已作为下级单位选中，不能同时作为本事项的承办单位"));
                    } else if (own.add(unit.code())) {
                        co.add(unit.code());
                    }
                    continue;
                }
                if (!own.contains(under) && !parentOf.containsKey(under)) {
                    own.add(under);
                    co.add(under);
                }
                List<Department> chain = new ArrayList<>(organisation.above(unit.code()));
                java.util.Collections.reverse(chain);
                chain.add(unit);
                String parent = under;
                boolean below = false;
                for (Department step : chain) {
                    if (step.code().equals(under)) {
                        below = true;
                        continue;
                    }
                    if (!below) {
                        continue;
                    }
                    if (own.contains(step.code())) {
                        problems.add(new FieldProblem(field, step.name() + "已是本事项的承办单位，不能同时作为"
                                + organisation.department(parent).map(Department::name).orElse(parent) + "的下级单位"));
                        break;
                    }
                    parentOf.putIfAbsent(step.code(), parent);
                    parent = step.code();
                }
            }
            resolved.add(new NewDirective.Target(under, level.key(), units.stream().map(Department::code).toList()));
        }
        if (own.size() + parentOf.size() > maxUnits) {
            problems.add(new FieldProblem("targets", "一次最多交办 " + maxUnits + " 个单位，当前选中 "
                    + (own.size() + parentOf.size()) + " 个"));
        }
        parentOf.forEach((unit, parent) -> subParts.add(new NewDirective.SubPart(unit, parent)));
        return resolved;
    }

    private LocalDate deadline(String value, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem("deadline", "请填写办结期限"));
            return null;
        }
        LocalDate deadline;
        try {
            deadline = BusinessTime.parseDate(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("deadline", "办结期限应为日期，如 2026-12-31"));
            return null;
        }
        LocalDate earliest = calendar.plusWorkingDays(calendar.today(), 1);
        if (deadline.isBefore(earliest)) {
            problems.add(new FieldProblem("deadline", "办结期限至少应在一个工作日之后（不早于 " + earliest + "）"));
        }
        return deadline;
    }

    private static String text(String value, String field, String label, int max, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, label + "不能为空"));
            return value;
        }
        String trimmed = value.strip();
        if (!Texts.isClean(trimmed)) {
            problems.add(new FieldProblem(field, label + "含有无法保存的字符（空字符或不完整的 Unicode 字符）"));
        } else if (trimmed.codePointCount(0, trimmed.length()) > max) {
            problems.add(new FieldProblem(field, label + "不能超过 " + max + " 字"));
        }
        return trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
