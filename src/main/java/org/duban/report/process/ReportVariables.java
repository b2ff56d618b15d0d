package org.duban.report.process;

/**
 * Variable names of the report processes ({@code daily-report}, {@code weekly-report}, {@code monthly-report},
 * {@code quarterly-report}); they must match the gateways' conditions in bpmn/*-report.bpmn.
 */
public final class ReportVariables {

    /** daily, weekly, monthly or quarterly, from the process key. */
    public static final String REPORT_KIND = "reportKind";
    /**
     * The day a catch-up asks the process to report for (ISO date), when the application was down on
     * it; absent when the timer fires, which reports for today.
     */
    public static final String REPORT_DAY = "reportDay";
    /** Whether a report of this kind falls due on the report day. */
    public static final String REPORT_DUE = "reportDue";
    /** The period the report covers: 2026-11-25, 2026-W48, 2026-11, 2026-Q4. */
    public static final String REPORT_PERIOD = "reportPeriod";
    /** Whether this instance wrote the report; false when it existed already (second firing, another node). */
    public static final String REPORT_CREATED = "reportCreated";
    /** How many people the report was queued to. */
    public static final String RECIPIENTS = "recipients";

    private ReportVariables() {
    }
}
