package org.duban.report.process;

/** Variable names of bpmn/periodic-report.bpmn; they must match its listeners and gateways' conditions. */
public final class ReportVariables {

    /** daily, weekly, monthly or quarterly: the element of the one-report-each sub-process. */
    public static final String REPORT_KIND = "reportKind";
    /** The day reported for (ISO date): today when the timer fires, or the day a catch-up names. */
    public static final String REPORT_DAY = "reportDay";
    /** Whether this instance wrote the report; false when it existed already (second firing, another node). */
    public static final String REPORT_CREATED = "reportCreated";
    /** How many people the report was queued to. */
    public static final String RECIPIENTS = "recipients";

    private ReportVariables() {
    }
}
