package org.duban.directive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one timeline event says beyond its type, unit, actor and time: a typed record per kind of event,
 * kept as JSON in the hash-chained record, and put into a Chinese sentence for the timeline, the audit trail
 * and mails by {@link #describe(Names)}.
 */
public sealed interface EventDetails {

    String describe(Names names);

    /** The free text a person wrote with this step (note, comment, reason), if any: mails quote it. */
    default String text() {
        return null;
    }

    /** @param below the units reached down the tree, each under the part of the unit above it (none: a flat list) */
    record Issued(String title, boolean draft, List<String> departments, String deadline, String priority,
            List<String> below) implements EventDetails {

        public Issued(String title, boolean draft, List<String> departments, String deadline, String priority) {
            this(title, draft, departments, deadline, priority, List.of());
        }

        public String describe(Names names) {
            // a unit further down sees the directive's issue without the units above it: no empty "承办单位："
            List<String> said = new java.util.ArrayList<>();
            if (draft) {
                said.add("督查室拟稿，待领导批示");
            }
            if (departments != null && !departments.isEmpty()) {
                said.add("承办单位：" + units(departments, names));
            }
            if (below != null && !below.isEmpty()) {
                said.add("直达下级单位 " + below.size() + " 个：" + units(below, names));
            }
            said.add("办结期限：" + deadline);
            said.add("紧急程度：" + Priority.ofKey(priority).map(Priority::label).orElse(priority));
            return String.join("；", said);
        }
    }

    /** A decision with an optional comment: a leader's 批示, or the refusal of a reassignment. */
    record Decision(String comment) implements EventDetails {
        public String describe(Names names) {
            return comment == null || comment.isBlank() ? "" : "意见：" + comment;
        }

        public String text() {
            return comment;
        }
    }

    record Dispatched(List<String> departments) implements EventDetails {
        public String describe(Names names) {
            return "送达 " + departments.size() + " 个单位：" + units(departments, names);
        }
    }

    record Signed(int signLateDays) implements EventDetails {
        public String describe(Names names) {
            return signLateDays <= 0 ? "按时签收" : "超过签收时限 " + signLateDays + " 个工作日";
        }
    }

    /** 退回/申请改派 at signing: the unit says the directive is not its business. */
    record Returned(String reason) implements EventDetails {
        public String describe(Names names) {
            return "理由：" + reason;
        }

        public String text() {
            return reason;
        }
    }

    record Reassigned(String from, String to, String comment) implements EventDetails {
        public String describe(Names names) {
            return "由" + names.unit(from) + "改派至" + names.unit(to) + (comment == null || comment.isBlank() ? ""
                    : "；意见：" + comment);
        }

        public String text() {
            return comment;
        }
    }

    /** A file that came with a step, as its event records it; its SHA-256 is thereby part of the hash chain. */
    record Evidence(long id, String name, String mediaType, long size, String sha256) {}

    record Progress(String note, List<Evidence> files) implements EventDetails {

        public Progress(String note) {
            this(note, List.of());
        }

        public String describe(Names names) {
            return "进度情况：" + (files == null || files.isEmpty() ? note : clause(note)) + evidence(files);
        }

        public String text() {
            return note;
        }
    }

    /** {@code reason} is the key of an {@link UrgeReason}. */
    /** {@code rule} is the early-warning rule's key, {@code label} its name as people read it. */
    record RiskFlagged(long flag, String rule, String label, String reason) implements EventDetails {
        public String describe(Names names) {
            return label + "：" + reason;
        }

        public String text() {
            return reason;
        }
    }

    record RiskHandled(long flag, String rule, String label, String note) implements EventDetails {
        public String describe(Names names) {
            return "已处理预警（" + label + "）；处理情况：" + note;
        }

        public String text() {
            return note;
        }
    }

    record Urged(String reason, String note) implements EventDetails {
        public String describe(Names names) {
            String why = UrgeReason.ofKey(reason).map(UrgeReason::label).orElse(reason);
            return "原因：" + why + (note == null || note.isBlank() ? "" : "；说明：" + note);
        }

        public String text() {
            return note;
        }

        public UrgeReason urgeReason() {
            return UrgeReason.ofKey(reason).orElse(UrgeReason.MANUAL);
        }
    }

    record ExtensionRequested(String currentDeadline, String requestedDeadline, String reason) implements EventDetails {
        public String describe(Names names) {
            return "当前期限 " + currentDeadline + "，申请延期至 " + requestedDeadline + "；理由：" + reason;
        }

        public String text() {
            return reason;
        }
    }

    record ExtensionDecided(String requestedDeadline, String previousDeadline, String comment) implements EventDetails {
        public String describe(Names names) {
            return (previousDeadline == null ? "申请期限 " + requestedDeadline + "，原期限不变"
                    : "期限由 " + previousDeadline + " 延至 " + requestedDeadline)
                    + (comment == null || comment.isBlank() ? "" : "；意见：" + comment);
        }

        public String text() {
            return comment;
        }
    }

    record Submitted(String resultSummary, int lateDays, List<Evidence> files) implements EventDetails {

        public Submitted(String resultSummary, int lateDays) {
            this(resultSummary, lateDays, List.of());
        }

        public String describe(Names names) {
            return "办理结果：" + clause(resultSummary) + "；" + (lateDays > 0 ? "逾期 " + lateDays + " 个工作日" : "按期提交")
                    + evidence(files);
        }

        public String text() {
            return resultSummary;
        }
    }

    /** @param verified whether the reviewer checked the unit's material (核实); null where nothing was asked */
    record Reviewed(String comment, Integer qualityRating, Boolean verified) implements EventDetails {

        public Reviewed(String comment, Integer qualityRating) {
            this(comment, qualityRating, null);
        }

        public String describe(Names names) {
            String rating = qualityRating == null ? "" : "质量评定 " + qualityRating + " 分";
            String said = comment == null || comment.isBlank() ? "" : "意见：" + comment;
            String checked = verified == null ? "" : verified ? "佐证材料已核实" : "佐证材料未核实";
            return String.join("；", java.util.stream.Stream.of(rating, checked, said).filter(x -> !x.isEmpty()).toList());
        }

        public String text() {
            return comment;
        }
    }

    /** The light turning yellow, the deadline reminder, the light turning red. */
    /**
     * @param years          the years whose holiday schedule was loaded
     * @param yellowFrom     the part's yellow period now starts (unchanged when the same)
     * @param nextSupervision the part's next supervision moment (ISO date-time), null when none is armed
     * @param changedBy      the administrator who loaded the schedule
     */
    record Rescheduled(List<Integer> years, String yellowFrom, String nextSupervision, String changedBy)
            implements EventDetails {
        public String describe(Names names) {
            return years.stream().map(String::valueOf).collect(Collectors.joining("、")) + " 年节假日安排已更新："
                    + "黄灯起始日 " + yellowFrom + (nextSupervision == null ? "" : "；下一次督办时间 "
                    + nextSupervision.replace('T', ' ').replaceAll(":00(\\.0+)?\\+08:00$", ""));
        }

        public String text() {
            return yellowFrom;
        }
    }

    record Signal(String deadline) implements EventDetails {
        public String describe(Names names) {
            return "办结期限：" + deadline;
        }

        public String text() {
            return deadline;
        }
    }

    /** {@code leader} is who was told; absent when the escalation went to the unit above. */
    record Escalated(String deadline, String leader, String parentUnit) implements EventDetails {
        public String describe(Names names) {
            String to = leader != null ? "报送" + names.person(leader) : parentUnit != null ? "报送" + names.unit(parentUnit) : "";
            return "办结期限 " + deadline + " 已过，" + to;
        }
    }

    /**
     * A part's score: the decision's total, the weight of the part's role, each component's points (keys are the
     * decision's output names, in reading order) and the facts it was computed from.
     */
    record PartScored(BigDecimal score, BigDecimal weight, Map<String, Integer> components, Map<String, Object> inputs)
            implements EventDetails {
        public String describe(Names names) {
            String parts = components == null ? "" : components.entrySet().stream()
                    .map(c -> names.scoreComponent(c.getKey()) + " " + c.getValue())
                    .collect(Collectors.joining("，"));
            return "得分 " + score + "（" + parts + "）；权重 " + weight;
        }

        public String text() {
            return String.valueOf(score);
        }
    }

    record DirectiveScored(BigDecimal score, int departments) implements EventDetails {
        public String describe(Names names) {
            return "综合得分 " + score + "（" + departments + " 个单位加权）";
        }

        public String text() {
            return String.valueOf(score);
        }
    }

    /** A unit passed (part of) its work down to units below it, each with its own deadline. */
    record PassedDown(List<String> units, String deadline, String instruction) implements EventDetails {
        public String describe(Names names) {
            return "下派 " + units.size() + " 个下级单位：" + EventDetails.units(units, names) + "；办结期限：" + deadline;
        }

        public String text() {
            return instruction;
        }
    }

    /** A unit took back what it had passed down to {@code unit} (and everything below it). */
    record SubPartWithdrawn(String unit, List<String> cancelled, String reason) implements EventDetails {
        public String describe(Names names) {
            return "撤回对" + names.unit(unit) + "的下派" + (cancelled.size() > 1 ? "（连同其下级单位共 " + cancelled.size() + " 个）"
                    : "") + "；理由：" + reason;
        }

        public String text() {
            return reason;
        }
    }

    record Withdrawn(String reason) implements EventDetails {
        public String describe(Names names) {
            return "理由：" + reason;
        }

        public String text() {
            return reason;
        }
    }

    record None() implements EventDetails {
        public String describe(Names names) {
            return "";
        }
    }

    /**
     * A person's sentence as one clause of a longer one: without its closing punctuation, so "共 126 项。" and the
     * clause after it read "共 126 项；按期提交", not "。；".
     */
    static String clause(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.length();
        while (end > 0 && "。；;，,.！!、".indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        return trimmed.substring(0, end);
    }

    /** "；佐证材料 2 份：照片.jpg、报告.pdf", or nothing. */
    private static String evidence(List<Evidence> files) {
        return files == null || files.isEmpty() ? "" : "；佐证材料 " + files.size() + " 份："
                + String.join("、", files.stream().map(Evidence::name).toList());
    }

    private static String units(List<String> codes, Names names) {
        return codes == null ? "" : codes.stream().map(names::unit).collect(Collectors.joining("、"));
    }
}
