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
import org.duban.organisation.Organisation;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Checks an issue request field by field, for the API and for a start form in Tasklist alike. */
@Component
public class DirectiveRequestValidator {

    static final int MAX_TITLE = 100;
    static final int MAX_INSTRUCTION = 5000;

    private final Organisation organisation;
    private final DirectiveTemplates templates;
    private final WorkCalendar calendar;

    DirectiveRequestValidator(Organisation organisation, DirectiveTemplates templates, WorkCalendar calendar) {
        this.organisation = organisation;
        this.templates = templates;
        this.calendar = calendar;
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
        LocalDate deadline = deadline(request.deadline(), problems);
        ReportCycle cycle = ReportCycle.NONE;
        if (!blank(request.reportCycle())) {
            cycle = ReportCycle.ofKey(request.reportCycle()).orElse(null);
            if (cycle == null) {
                problems.add(new FieldProblem("reportCycle", "反馈周期只能是 none、daily、weekly 或 monthly"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewDirective(title, instruction, category, priority, lead, List.copyOf(co), deadline, cycle, issuedBy,
                draft);
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
