package org.duban.directive.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.BusinessTime;
import org.duban.directive.DirectiveEvent.Audience;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分级下派: a unit holding a part passes it down, whole or split, to units below it; each sub-part has its own
 * instruction, a deadline no later than the holder's own and at least a working day ahead, and optionally its own
 * report cycle. The sub-units sign, handle, report and submit like any unit; the holder decides their extensions and
 * reviews their results (逐级审核), and cannot submit its own result while one of them is open, unless it takes the
 * sub-part back with a reason. Sub-parts reach their units at once, in the request that passes them down.
 */
@Component
public class Cascade {

    /** One sub-part asked for: the unit below, what it is to do, by when, how often it reports (null: as the holder). */
    public record SubPartRequest(String unit, String instruction, String deadline, String reportCycle) {}

    static final int MAX_SUB_PARTS = 200;

    private final DirectiveStore directives;
    private final PartStore parts;
    private final Organisation organisation;
    private final LightRule rule;
    private final Lights lights;
    private final Timeline timeline;
    private final Delivery delivery;
    private final WorkCalendar calendar;
    private final RuntimeService runtime;
    private final EngineAsSystem engine;
    private final StatusLabels statuses;

    Cascade(DirectiveStore directives, PartStore parts, Organisation organisation, LightRule rule, Lights lights,
            Timeline timeline, Delivery delivery, WorkCalendar calendar, RuntimeService runtime, EngineAsSystem engine,
            StatusLabels statuses) {
        this.statuses = statuses;
        this.directives = directives;
        this.parts = parts;
        this.organisation = organisation;
        this.rule = rule;
        this.lights = lights;
        this.timeline = timeline;
        this.delivery = delivery;
        this.calendar = calendar;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** Passes {@code holder}'s part of the directive down; answers the units it now reaches. */
    @Transactional
    public List<String> passDown(String number, String holder, List<SubPartRequest> requests, CurrentUser user) {
        DirectiveRow directive = directives.find(number)
                .orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
        PartRow part = requireHolder(directive, holder, user);
        if (part.status() != PartStatus.HANDLING && part.status() != PartStatus.EXTENSION_REQUESTED) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "part-not-in-handling", "当前不能下派",
                    "本单位的任务当前为“" + statuses.of(part.status()) + "”，签收后办理期间才能下派给下级单位。");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (requests == null || requests.isEmpty()) {
            throw new InvalidRequestException("subParts", "请至少选择一个下级单位");
        }
        if (requests.size() > MAX_SUB_PARTS) {
            throw new InvalidRequestException("subParts", "一次最多下派 " + MAX_SUB_PARTS + " 个下级单位");
        }
        Set<String> taken = new HashSet<>(parts.units(number));
        Set<String> chosen = new LinkedHashSet<>();
        List<PartStore.NewPart> placed = new ArrayList<>();
        LocalDate earliest = calendar.plusWorkingDays(calendar.today(), 1);
        for (int i = 0; i < requests.size(); i++) {
            SubPartRequest request = requests.get(i);
            String field = "subParts[" + i + "]";
            String unit = request == null || request.unit() == null ? null : request.unit().strip();
            Department below = unit == null ? null : organisation.department(unit).orElse(null);
            if (below == null) {
                problems.add(new FieldProblem(field + ".unit", unit == null || unit.isEmpty() ? "请选择下级单位"
                        : "单位“" + unit + "”不存在"));
                continue;
            }
            if (!organisation.isBelow(unit, holder)) {
                problems.add(new FieldProblem(field + ".unit", below.name() + "不是" + name(holder) + "的下级单位"));
            } else if (taken.contains(unit)) {
                problems.add(new FieldProblem(field + ".unit", below.name() + "已承办本事项"));
            } else if (!chosen.add(unit)) {
                problems.add(new FieldProblem(field + ".unit", below.name() + "重复"));
            }
            String instruction = request.instruction() == null ? null : request.instruction().strip();
            if (instruction == null || instruction.isEmpty()) {
                problems.add(new FieldProblem(field + ".instruction", "请填写对下级单位的工作要求"));
            } else if (!Texts.isClean(instruction)) {
                problems.add(new FieldProblem(field + ".instruction", "工作要求含有无法保存的字符（空字符或不完整的 Unicode 字符）"));
            } else if (instruction.codePointCount(0, instruction.length()) > DirectiveRequestValidator.MAX_INSTRUCTION) {
                problems.add(new FieldProblem(field + ".instruction", "工作要求不能超过 " + DirectiveRequestValidator.MAX_INSTRUCTION
                        + " 字"));
            }
            LocalDate deadline = deadline(request.deadline(), field + ".deadline", part.deadline(), earliest, problems);
            String cycle = null;
            if (request.reportCycle() != null && !request.reportCycle().isBlank()) {
                cycle = ReportCycle.ofKey(request.reportCycle().strip()).map(ReportCycle::key).orElse(null);
                if (cycle == null) {
                    problems.add(new FieldProblem(field + ".reportCycle", "反馈周期只能是 none、daily、weekly 或 monthly"));
                }
            }
            if (deadline != null) {
                placed.add(new PartStore.NewPart(unit, PartRole.SUB, holder, deadline,
                        rule.yellowFrom(directive.category(), directive.priority(), deadline), instruction, cycle));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        parts.insert(number, placed, parts.nextPosition(number));
        List<String> units = placed.stream().map(PartStore.NewPart::unit).toList();
        PartContext context = new PartContext(directive, part);
        LocalDate latest = placed.stream().map(PartStore.NewPart::deadline).max(LocalDate::compareTo).orElseThrow();
        timeline.record(directive, part, EventType.PASSED_DOWN, user.id(), new EventDetails.PassedDown(units,
                latest.toString(), placed.get(0).instruction()), Audience.NOBODY);
        while (delivery.deliverNext(directives.find(number).orElseThrow(), user.id()) > 0) {
            // every sub-part reaches its unit in this request (at most MAX_SUB_PARTS of them)
        }
        lights.refresh(context.number());
        return units;
    }

    /**
     * {@code unit}'s part is taken back by the unit that passed it down, with everything below it: their processes
     * end, their parts are cancelled, the holder may submit again.
     */
    @Transactional
    public List<String> withdraw(String number, String unit, String reason, CurrentUser user) {
        DirectiveRow directive = directives.find(number)
                .orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
        if (directive.status() != DirectiveStatus.IN_PROGRESS) {
            throw ApiException.notFound("督办事项 " + number + " 不在办理中。");
        }
        PartRow sub = parts.find(number, unit).filter(PartRow::isSubPart)
                .orElseThrow(() -> ApiException.notFound(name(unit) + "没有本事项的下派任务。"));
        PartRow holder = requireHolder(directive, sub.parentUnit(), user);
        if (!sub.isOpen()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "sub-part-finished", "不能撤回",
                    name(unit) + "的下派任务已" + statuses.of(sub.status()) + "，不能撤回。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidRequestException("reason", "请填写撤回理由");
        }
        if (!Texts.isClean(why) || why.codePointCount(0, why.length()) > 2000) {
            throw new InvalidRequestException("reason", "撤回理由不能超过 2000 字，且不能含空字符");
        }
        List<PartRow> cancelled = new ArrayList<>();
        cancelled.add(sub);
        for (PartRow p : parts.of(number)) {
            if (p.isOpen() && p.isSubPart() && isBelow(p, sub, number)) {
                cancelled.add(p);
            }
        }
        List<String> instances = cancelled.stream().map(PartRow::processInstanceId).filter(Objects::nonNull).toList();
        engine.run(() -> runtime.deleteProcessInstancesIfExists(instances, "上级单位撤回下派：" + why, true, true, false));
        List<String> units = cancelled.stream().map(PartRow::unit).toList();
        parts.cancel(number, units);
        lights.refresh(number);
        timeline.record(directive, holder, EventType.SUB_PART_WITHDRAWN, user.id(),
                new EventDetails.SubPartWithdrawn(unit, units, why),
                Audience.units(units));
        return units;
    }

    /** Whether {@code part} hangs (at any depth) under {@code ancestor}'s part of the same directive. */
    private boolean isBelow(PartRow part, PartRow ancestor, String number) {
        String parent = part.parentUnit();
        for (int hops = 0; parent != null && hops < 20; hops++) {
            if (parent.equals(ancestor.unit())) {
                return true;
            }
            parent = parts.find(number, parent).map(PartRow::parentUnit).orElse(null);
        }
        return false;
    }

    private PartRow requireHolder(DirectiveRow directive, String holder, CurrentUser user) {
        if (!user.departments().contains(holder)) {
            throw ApiException.forbidden("只有" + name(holder) + "的人员可以下派或撤回本单位的任务。");
        }
        if (directive.status() != DirectiveStatus.IN_PROGRESS) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "directive-not-in-progress",
                    "督办事项不在办理中", "督办事项 " + directive.number() + " 当前为“" + statuses.of(directive.status()) + "”。");
        }
        return parts.find(directive.number(), holder).filter(PartRow::isOpen)
                .orElseThrow(() -> ApiException.forbidden(name(holder) + "没有本事项正在办理的任务。"));
    }

    private LocalDate deadline(String value, String field, LocalDate holderDeadline, LocalDate earliest,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "请填写办结期限"));
            return null;
        }
        LocalDate deadline;
        try {
            deadline = BusinessTime.parseDate(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "办结期限应为日期，如 2026-12-31"));
            return null;
        }
        if (deadline.isAfter(holderDeadline)) {
            problems.add(new FieldProblem(field, "不能晚于本单位的办结期限 " + holderDeadline));
            return null;
        }
        if (deadline.isBefore(earliest)) {
            problems.add(new FieldProblem(field, "至少应在一个工作日之后（不早于 " + earliest + "）"));
            return null;
        }
        return deadline;
    }

    private String name(String unit) {
        return organisation.department(unit).map(Department::name).orElse(unit);
    }
}
