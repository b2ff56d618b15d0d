package org.duban.directive.internal;

import java.util.List;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.Names;
import org.duban.directive.PartStatus;
import org.springframework.stereotype.Component;

/**
 * What a person needs in front of them to act on a task, from the records: which directive and unit, the
 * deadline and how many working days are left, the instruction, why it came back (a return, a refused
 * extension), what was reported so far and how often the unit was urged. Tasklist shows it in the form (the
 * task-local variable {@code brief}, Markdown) and the task's name says what it is about.
 */
@Component
public class TaskBriefs {

    /** Tasklist lists task names; long titles are cut, the number and unit stay. */
    static final int TITLE_IN_NAME = 24;
    /** Engine String variables hold 4,000 characters; the whole text is on the directive's page. */
    static final int BRIEF_LIMIT = 3800;
    private static final int INSTRUCTION_LIMIT = 1200;
    private static final int HISTORY_ENTRIES = 12;

    private final Timeline timeline;
    private final PartStore parts;
    private final StatusLabels statuses;
    private final WorkCalendar calendar;
    private final Names names;
    private final String publicUrl;

    TaskBriefs(Timeline timeline, PartStore parts, StatusLabels statuses, WorkCalendar calendar, Names names,
            @org.springframework.beans.factory.annotation.Value("${duban.notifications.public-url:http://localhost:8080}")
            String publicUrl) {
        this.timeline = timeline;
        this.parts = parts;
        this.statuses = statuses;
        this.calendar = calendar;
        this.names = names;
        this.publicUrl = publicUrl;
    }

    /** 签收 · DB-2026-0005 推进智慧督查平台建设 · 市科技局 */
    /** How much of a co-unit's result a lead's brief quotes (the whole is on the directive page). */
    private static final int CO_RESULT_LIMIT = 300;

    public String name(String step, DirectiveRow d, PartRow part) {
        String title = d.title().length() > TITLE_IN_NAME ? d.title().substring(0, TITLE_IN_NAME) + "…" : d.title();
        return step + " · " + d.number() + " " + title + (part == null ? "" : " · " + names.unit(part.unit()));
    }

    public String ofPart(DirectiveRow d, PartRow part) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(d.number()).append("　").append(escape(d.title())).append("**\n\n");
        md.append("- 承办单位：").append(names.unit(part.unit())).append("（").append(roleLabel(part)).append("）\n");
        md.append("- 紧急程度：").append(d.priority().label()).append("\n");
        md.append("- 办结期限：").append(part.deadline()).append("，").append(daysLeft(part)).append("\n");
        if (!part.deadline().equals(part.originalDeadline())) {
            md.append("- 原定期限：").append(part.originalDeadline()).append("（已延期 ").append(part.extensionCount())
                    .append(" 次）\n");
        }
        if (part.urgeCount() > 0) {
            md.append("- 已被催办 ").append(part.urgeCount()).append(" 次\n");
        }
        if (part.isSubPart()) {
            md.append("- 上级单位：").append(names.unit(part.parentUnit())).append("（审核本单位的办理结果、决定延期）\n");
        }
        md.append("\n**批示内容**\n\n").append(escape(cut(d.instruction(), INSTRUCTION_LIMIT))).append("\n\n");
        if (part.instruction() != null) {
            md.append("**").append(names.unit(part.parentUnit())).append("的工作要求**\n\n")
                    .append(escape(cut(part.instruction(), INSTRUCTION_LIMIT))).append("\n\n");
        }
        List<PartRow> below = parts.subPartsOf(d.number(), part.unit()).stream()
                .filter(p -> p.status() != PartStatus.CANCELLED).toList();
        if (!below.isEmpty()) {
            md.append("**下级单位**（全部办结后方可提交本单位的办结申请）\n\n");
            below.forEach(p -> md.append("- ").append(names.unit(p.unit())).append("：").append(statuses.of(p.status()))
                    .append("，期限 ").append(p.deadline()).append("\n"));
            md.append("\n");
        }
        // the lead quotes its co-units (主办汇总): it reads the whole directive; any other unit only its own part
        boolean lead = part.role() == org.duban.directive.PartRole.LEAD;
        List<Timeline.Entry> all = lead ? timeline.of(d.number()) : timeline.ofUnit(d.number(), part.unit());
        if (lead) {
            coResults(d, all).forEach(md::append);
        }
        List<Timeline.Entry> events = all.stream()
                .filter(e -> part.unit().equals(e.unit()) || e.type() == EventType.REASSIGNED && moved(e, part))
                .toList();
        decisionsToActOn(part, events).forEach(line -> md.append(line).append("\n\n"));
        List<Timeline.Entry> history = events.stream().filter(e -> SHOWN.contains(e.type())).toList();
        if (!history.isEmpty()) {
            md.append("**办理经过**\n\n");
            history.subList(Math.max(0, history.size() - HISTORY_ENTRIES), history.size()).forEach(e -> md.append("- ")
                    .append(e.at().atZoneSameInstant(WorkCalendar.ZONE).toLocalDate()).append(" ")
                    .append(e.type().label()).append("：").append(escape(e.details().describe(names))).append("\n"));
            md.append("\n");
        }
        if (part.isOpen()) {
            md.append("报送进展或办结申请时如需附照片、文件等佐证材料，请在[事项页面](").append(publicUrl)
                    .append("/directives/").append(d.number()).append("#report)报送。\n\n");
        }
        return withLink(md, d);
    }

    /**
     * 主办汇总: the lead sees each co-unit's state and its submitted result (or latest progress), to quote in its own
     * joint result; the reviewer of the lead's result sees them beside it, in the same brief.
     */
    private List<String> coResults(DirectiveRow d, List<Timeline.Entry> events) {
        List<PartRow> co = parts.of(d.number()).stream().filter(p -> p.role() == org.duban.directive.PartRole.CO
                && p.status() != PartStatus.CANCELLED).toList();
        if (co.isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("**协办单位办理情况**（主办单位汇总时可引用）\n\n");
        for (PartRow p : co) {
            String said = events.stream().filter(e -> p.unit().equals(e.unit()))
                    .filter(e -> e.type() == EventType.SUBMITTED || e.type() == EventType.PROGRESS_REPORTED)
                    .reduce((first, second) -> second)
                    .map(e -> (e.type() == EventType.SUBMITTED ? "办结结果：" : "最新进展：")
                            + escape(cut(e.details().text(), CO_RESULT_LIMIT)))
                    .orElse("尚未反馈");
            lines.add("- " + names.unit(p.unit()) + "（" + statuses.of(p.status()) + "）：" + said + "\n");
        }
        lines.add("\n");
        return lines;
    }

    public String ofDirective(DirectiveRow d) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(d.number()).append("　").append(escape(d.title())).append("**\n\n");
        md.append("- 交办：").append(names.person(d.issuedBy())).append("\n");
        md.append("- 紧急程度：").append(d.priority().label()).append("\n");
        md.append("- 办结期限：").append(d.deadline()).append("（距今 ")
                .append(calendar.workingDaysBetween(calendar.today(), d.deadline())).append(" 个工作日）\n\n");
        md.append("**批示内容**\n\n").append(escape(cut(d.instruction(), INSTRUCTION_LIMIT))).append("\n\n");
        return withLink(md, d);
    }

    private static final List<EventType> SHOWN = List.of(EventType.SIGNED, EventType.RETURNED, EventType.REASSIGNED,
            EventType.REASSIGNMENT_REFUSED, EventType.PROGRESS_REPORTED, EventType.URGED, EventType.EXTENSION_REQUESTED,
            EventType.EXTENSION_APPROVED, EventType.EXTENSION_REFUSED, EventType.SUBMITTED, EventType.RETURNED_FOR_REWORK,
            EventType.TURNED_YELLOW, EventType.TURNED_RED, EventType.ESCALATED);

    /** What the person acting now must see first: the request or result waiting, or why the part came back. */
    private List<String> decisionsToActOn(PartRow part, List<Timeline.Entry> events) {
        Optional<Timeline.Entry> last = events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
        if (part.status() == PartStatus.RETURNED) {
            return List.of("> **退回理由（申请改派）**：" + escape(part.returnReason()));
        }
        if (part.status() == PartStatus.EXTENSION_REQUESTED) {
            return List.of("> **延期申请**：当前期限 " + part.deadline() + "，申请延期至 " + part.requestedDeadline()
                    + "。理由：" + escape(part.extensionReason()));
        }
        if (part.status() == PartStatus.UNDER_REVIEW) {
            // describe() begins with its own label (办理结果：…；按期提交): bold that label, do not repeat it
            return last(events, EventType.SUBMITTED).map(e -> "> **办理结果**：" + escape(
                            e.details().describe(names).replaceFirst("^办理结果：", "")) + evidenceLinks(e.details()))
                    .stream().toList();
        }
        if (last.isPresent() && last.get().type() == EventType.RETURNED_FOR_REWORK) {
            return List.of("> **退回重办理由**：" + escape(last.get().details().text()));
        }
        if (last.isPresent() && last.get().type() == EventType.EXTENSION_REFUSED) {
            return List.of("> **延期申请未获同意**：" + escape(String.valueOf(last.get().details().text())));
        }
        if (last.isPresent() && last.get().type() == EventType.REASSIGNMENT_REFUSED) {
            return List.of("> **退回申请未获同意，请签收办理**：" + escape(String.valueOf(last.get().details().text())));
        }
        return List.of();
    }

    /**
     * The files that came with the result, each a link the reviewer opens from the form (the same address as on the
     * directive's page, which checks that the reader may open it): 逐份核实 is done beside the decision.
     */
    private String evidenceLinks(EventDetails details) {
        if (!(details instanceof EventDetails.Submitted submitted) || submitted.files() == null
                || submitted.files().isEmpty()) {
            return "";
        }
        StringBuilder links = new StringBuilder("\n>\n> **佐证材料**：");
        for (int i = 0; i < submitted.files().size(); i++) {
            EventDetails.Evidence file = submitted.files().get(i);
            links.append(i == 0 ? "" : "、").append("[").append(escape(file.name())).append("](").append(publicUrl)
                    .append("/api/evidence/").append(file.id()).append(")");
        }
        return links.toString();
    }

    private static Optional<Timeline.Entry> last(List<Timeline.Entry> events, EventType type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type() == type) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean moved(Timeline.Entry e, PartRow part) {
        return e.details() instanceof EventDetails.Reassigned r && part.unit().equals(r.to());
    }

    private String daysLeft(PartRow part) {
        int left = calendar.workingDaysBetween(calendar.today(), part.deadline());
        return left >= 0 ? "剩余 " + left + " 个工作日" : "已逾期 " + -left + " 个工作日";
    }

    private static String roleLabel(PartRow part) {
        return switch (part.role()) {
            case LEAD -> "主办";
            case CO -> "协办";
            case SUB -> "下级承办";
        };
    }

    private String withLink(StringBuilder md, DirectiveRow d) {
        String link = "[在督办系统中查看事项全部情况](" + publicUrl + "/directives/" + d.number() + ")";
        String text = md.length() + link.length() > BRIEF_LIMIT ? md.substring(0, BRIEF_LIMIT - link.length() - 4) + "…\n\n"
                : md.toString();
        return text + link;
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit) + "…";
    }

    /** People's text is shown as text: Markdown and HTML in it are not interpreted. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replaceAll("([*_`#\\[\\]|~])", "\\\\$1")
                .replace("\n", "  \n");
    }
}
