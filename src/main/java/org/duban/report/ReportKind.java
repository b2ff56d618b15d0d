package org.duban.report;

import java.util.Arrays;
import java.util.Optional;

import org.duban.scorecard.Period;

/**
 * The periodic reports (日报告、周分析、月小结、季讲评), each produced by its own timer-started process. The
 * process keys must match the ids of the models in bpmn/.
 */
public enum ReportKind {
    DAILY("daily", "daily-report", "日报告", null),
    WEEKLY("weekly", "weekly-report", "周分析", Period.Kind.WEEK),
    MONTHLY("monthly", "monthly-report", "月小结", Period.Kind.MONTH),
    QUARTERLY("quarterly", "quarterly-report", "季讲评", Period.Kind.QUARTER);

    private final String key;
    private final String processKey;
    private final String title;
    private final Period.Kind periodKind;

    ReportKind(String key, String processKey, String title, Period.Kind periodKind) {
        this.key = key;
        this.processKey = processKey;
        this.title = title;
        this.periodKind = periodKind;
    }

    /** As written in URLs and the report table: daily, weekly, monthly, quarterly. */
    public String key() {
        return key;
    }

    public String processKey() {
        return processKey;
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

    public static Optional<ReportKind> ofProcess(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
    }
}
