package org.duban.report;

import java.util.Arrays;
import java.util.Optional;

import org.duban.scorecard.Period;

/**
 * The periodic reports (日报告、周分析、月小结、季讲评), produced by the one model bpmn/periodic-report.bpmn: each kind
 * has its own timer start event there, which names the kind ({@code reportKind}, this enum's key).
 */
public enum ReportKind {
    DAILY("daily", "日报告", null),
    WEEKLY("weekly", "周分析", Period.Kind.WEEK),
    MONTHLY("monthly", "月小结", Period.Kind.MONTH),
    QUARTERLY("quarterly", "季讲评", Period.Kind.QUARTER);

    /** The key of the model that produces every report; it must match the id in bpmn/periodic-report.bpmn. */
    public static final String PROCESS = "periodic-report";
    /** The message that starts the model for a report missed while the application was down. */
    public static final String MESSAGE_MISSED = "report-missed";

    private final String key;
    private final String title;
    private final Period.Kind periodKind;

    ReportKind(String key, String title, Period.Kind periodKind) {
        this.key = key;
        this.title = title;
        this.periodKind = periodKind;
    }

    /** As written in URLs and the report table: daily, weekly, monthly, quarterly. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The scorecard period a report of this kind covers; null for the daily report, which covers days. */
    public Period.Kind periodKind() {
        return periodKind;
    }

    public static Optional<ReportKind> ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

}
