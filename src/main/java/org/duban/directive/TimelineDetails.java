package org.duban.directive;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Puts a timeline event's details into words for the directive page. Technical entries (process
 * ids, decision inputs) stay in the audit trail, where auditors read them in full.
 */
@Component("timelineDetails")
public class TimelineDetails {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("resultSummary", "办理结果");
        LABELS.put("note", "说明");
        LABELS.put("comment", "意见");
        LABELS.put("reason", "理由");
        LABELS.put("requestedDeadline", "申请期限");
        LABELS.put("previousDeadline", "原期限");
        LABELS.put("deadline", "期限");
        LABELS.put("qualityRating", "质量评定");
        LABELS.put("score", "评分");
        LABELS.put("weight", "权重");
        LABELS.put("lateDays", "逾期工作日");
        LABELS.put("signLateDays", "签收超时工作日");
        LABELS.put("departments", "承办单位");
    }

    /** Why an urge went out, as the supervision module records it. */
    private static final Map<String, String> URGE_REASONS = Map.of("manual", "督查室催办", "sign", "超时未签收",
            "overdue", "逾期催办", "progress", "未按期反馈进度");

    public String describe(Map<String, Object> details) {
        if (details == null) {
            return "";
        }
        return LABELS.entrySet().stream()
                .filter(label -> details.get(label.getKey()) != null)
                .map(label -> label.getValue() + "：" + text(label.getKey(), details.get(label.getKey())))
                .collect(Collectors.joining("；"));
    }

    private static String text(String key, Object value) {
        if ((key.equals("lateDays") || key.equals("signLateDays")) && value instanceof Number days && days.intValue() <= 0) {
            return days.intValue() == 0 ? "0（按期）" : "0（提前 " + -days.intValue() + " 个工作日）";
        }
        if (key.equals("reason") && URGE_REASONS.containsKey(String.valueOf(value))) {
            return URGE_REASONS.get(String.valueOf(value));
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).collect(Collectors.joining("、"));
        }
        return String.valueOf(value);
    }
}
