package org.duban.batch.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveIntake;
import org.duban.directive.DirectiveTemplate;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Member;
import org.duban.system.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks one row cell by cell and resolves it: units by name or code, labels to keys, the deadline as a future
 * working day with the working days left. A row that passes is then put to the directive module's own rules, so
 * what the preview calls 可导入 is what confirmation can issue.
 */
@Component
class RowCheck {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,;；\\n]+");
    static final int MAX_TITLE = 100;
    static final int MAX_INSTRUCTION = 5000;

    private final Choices choices;
    private final WorkCalendar calendar;
    private final DirectiveIntake intake;

    RowCheck(Choices choices, WorkCalendar calendar, DirectiveIntake intake) {
        this.choices = choices;
        this.calendar = calendar;
        this.intake = intake;
    }

    CheckedRow check(RawRow raw, String userId) {
        List<CheckedRow.Problem> problems = new ArrayList<>();
        String title = required(raw, Column.TITLE, problems);
        if (!title.isEmpty() && title.codePointCount(0, title.length()) > MAX_TITLE) {
            problem(raw, Column.TITLE, "事项名称不能超过 " + MAX_TITLE + " 字（现为 " + title.codePointCount(0, title.length())
                    + " 字）", problems);
        }
        String instruction = required(raw, Column.INSTRUCTION, problems);
        if (!instruction.isEmpty() && instruction.codePointCount(0, instruction.length()) > MAX_INSTRUCTION) {
            problem(raw, Column.INSTRUCTION, "工作要求不能超过 " + MAX_INSTRUCTION + " 字", problems);
        }
        CheckedRow.Choice category = category(raw, problems);
        CheckedRow.Choice priority = priority(raw, problems);
        CheckedRow.Unit lead = null;
        String leadText = required(raw, Column.LEAD, problems);
        if (!leadText.isEmpty()) {
            lead = choices.unit(leadText).map(RowCheck::unit).orElse(null);
            if (lead == null) {
                problem(raw, Column.LEAD, "牵头单位“" + leadText + "”不存在，请填写单位名称或代码（见“填写说明”）", problems);
            }
        }
        List<CheckedRow.Unit> co = co(raw, lead, problems);
        LocalDate deadline = deadline(raw, problems);
        CheckedRow.Choice cycle = cycle(raw, problems);
        CheckedRow.Choice leader = leader(raw, problems);
        String sameKey = lead == null || deadline == null || title.isEmpty() ? null
                : DirectiveIntake.sameKey(title, lead.code(), deadline);
        CheckedRow row = new CheckedRow(raw.sheetRow(), title, instruction, category, priority, lead, co,
                deadline == null ? raw.cell(Column.DEADLINE) : deadline.toString(),
                deadline == null ? null : calendar.workingDaysBetween(calendar.today(), deadline), cycle, leader,
                problems, problems.isEmpty() ? CheckedRow.VALID : CheckedRow.INVALID, null, null, sameKey, null);
        return problems.isEmpty() ? row.withProblems(byTheDirectiveRules(row, raw, userId)) : row;
    }

    static DirectiveIntake.Item item(CheckedRow row) {
        return new DirectiveIntake.Item(row.title(), row.instruction(), row.category().key(), row.priority().key(),
                row.lead().code(), row.co().stream().map(CheckedRow.Unit::code).toList(), row.deadline(),
                row.cycle().key());
    }

    private List<CheckedRow.Problem> byTheDirectiveRules(CheckedRow row, RawRow raw, String userId) {
        List<CheckedRow.Problem> found = new ArrayList<>();
        for (FieldProblem p : intake.problems(item(row), userId)) {
            Column column = switch (p.field().replaceAll("\\[.*", "")) {
                case "title" -> Column.TITLE;
                case "instruction" -> Column.INSTRUCTION;
                case "category" -> Column.CATEGORY;
                case "priority" -> Column.PRIORITY;
                case "leadDepartment" -> Column.LEAD;
                case "coDepartments" -> Column.CO;
                case "deadline" -> Column.DEADLINE;
                case "reportCycle" -> Column.CYCLE;
                default -> Column.TITLE;
            };
            problem(raw, column, p.message(), found);
        }
        return found;
    }

    private CheckedRow.Choice category(RawRow raw, List<CheckedRow.Problem> problems) {
        String text = raw.cell(Column.CATEGORY);
        if (text.isEmpty()) {
            return choice(choices.defaultCategory());
        }
        return choices.category(text).map(RowCheck::choice).orElseGet(() -> {
            problem(raw, Column.CATEGORY, "类别“" + text + "”不存在，可选：" + String.join("、",
                    choices.categories().stream().map(DirectiveTemplate::name).toList()), problems);
            return null;
        });
    }

    private CheckedRow.Choice priority(RawRow raw, List<CheckedRow.Problem> problems) {
        String text = raw.cell(Column.PRIORITY);
        if (text.isEmpty()) {
            return new CheckedRow.Choice(Priority.NORMAL.key(), Priority.NORMAL.label());
        }
        return choices.priority(text).map(p -> new CheckedRow.Choice(p.key(), p.label())).orElseGet(() -> {
            problem(raw, Column.PRIORITY, "紧急程度“" + text + "”无效，只能是 一般、紧急 或 特急", problems);
            return null;
        });
    }

    private CheckedRow.Choice cycle(RawRow raw, List<CheckedRow.Problem> problems) {
        String text = raw.cell(Column.CYCLE);
        if (text.isEmpty()) {
            return new CheckedRow.Choice(ReportCycle.NONE.key(), Choices.CYCLE_LABELS.get(ReportCycle.NONE));
        }
        return choices.cycle(text).map(c -> new CheckedRow.Choice(c.key(), Choices.CYCLE_LABELS.get(c))).orElseGet(() -> {
            problem(raw, Column.CYCLE, "反馈周期“" + text + "”无效，可选：" + String.join("、", Choices.CYCLE_LABELS.values()),
                    problems);
            return null;
        });
    }

    private CheckedRow.Choice leader(RawRow raw, List<CheckedRow.Problem> problems) {
        String text = raw.cell(Column.LEADER);
        if (text.isEmpty()) {
            return null;
        }
        return choices.leader(text).map(m -> new CheckedRow.Choice(m.id(), m.name())).orElseGet(() -> {
            problem(raw, Column.LEADER, "责任领导“" + text + "”不是本系统的领导，可选：" + String.join("、",
                    choices.leaders().stream().map(Member::name).toList()), problems);
            return null;
        });
    }

    private List<CheckedRow.Unit> co(RawRow raw, CheckedRow.Unit lead, List<CheckedRow.Problem> problems) {
        List<CheckedRow.Unit> co = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : SEPARATORS.split(raw.cell(Column.CO))) {
            String text = name.strip();
            if (text.isEmpty()) {
                continue;
            }
            Department unit = choices.unit(text).orElse(null);
            if (unit == null) {
                problem(raw, Column.CO, "协办单位“" + text + "”不存在，请填写单位名称或代码（见“填写说明”）", problems);
            } else if (lead != null && unit.code().equals(lead.code())) {
                problem(raw, Column.CO, "“" + unit.name() + "”已是牵头单位，不能同时列为协办单位", problems);
            } else if (seen.add(unit.code())) {
                co.add(unit(unit));
            }
        }
        return co;
    }

    private LocalDate deadline(RawRow raw, List<CheckedRow.Problem> problems) {
        String text = required(raw, Column.DEADLINE, problems);
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        LocalDate date = null;
        if (m.matches()) {
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                date = null;
            }
        }
        if (date == null) {
            problem(raw, Column.DEADLINE, "办结期限“" + text + "”不是日期，请填写如 2026-12-31、2026/12/31 或 2026年12月31日",
                    problems);
            return null;
        }
        LocalDate today = calendar.today();
        if (date.isBefore(today)) {
            problem(raw, Column.DEADLINE, "办结期限 " + date + " 已过（今天是 " + today + "）", problems);
        } else if (!calendar.isWorkingDay(date)) {
            problem(raw, Column.DEADLINE, "办结期限 " + date + " 不是工作日（周末或法定节假日），请改为工作日", problems);
        } else if (date.isBefore(calendar.plusWorkingDays(today, 1))) {
            problem(raw, Column.DEADLINE, "办结期限至少应在一个工作日之后（不早于 " + calendar.plusWorkingDays(today, 1) + "）",
                    problems);
        }
        return date;
    }

    private static String required(RawRow raw, Column column, List<CheckedRow.Problem> problems) {
        String text = raw.cell(column);
        if (text.isEmpty()) {
            problem(raw, column, column.header() + "不能为空", problems);
        }
        return text;
    }

    private static void problem(RawRow raw, Column column, String message, List<CheckedRow.Problem> problems) {
        problems.add(new CheckedRow.Problem(column.header(), raw.ref(column), message));
    }

    private static CheckedRow.Choice choice(DirectiveTemplate template) {
        return new CheckedRow.Choice(template.code(), template.name());
    }

    private static CheckedRow.Unit unit(Department department) {
        return new CheckedRow.Unit(department.code(), department.name());
    }
}
