package org.duban.directive;

/**
 * Process variable names shared by the BPMN models, the forms, the delegates and the tests of
 * {@code directive} and {@code department-work}. They must match bpmn/*.bpmn and bpmn/forms/*.form.
 */
public final class DirectiveVariables {

    /** Process keys; each must match the id of its model in bpmn/. */
    public static final String DIRECTIVE_PROCESS = "directive";
    public static final String DEPARTMENT_WORK_PROCESS = "department-work";

    public static final String MESSAGE_URGE = "urge-department";
    public static final String MESSAGE_WITHDRAW = "withdraw-directive";

    // issued with the directive
    public static final String DIRECTIVE_NUMBER = "directiveNumber";
    public static final String TITLE = "title";
    public static final String INSTRUCTION = "instruction";
    public static final String CATEGORY = "category";
    public static final String PRIORITY = "priority";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    /** Co-departments as comma-separated codes (forms have no list input). */
    public static final String CO_DEPARTMENT_CODES = "coDepartmentCodes";
    /** Lead first, then co-departments, comma-separated: the multi-instance collection. */
    public static final String DEPARTMENT_CODES = "departmentCodes";
    public static final String DEADLINE = "deadline";
    public static final String REPORT_CYCLE = "reportCycle";
    public static final String ISSUED_BY = "issuedBy";
    public static final String DRAFT = "draft";
    /** The leader who answers for the directive: its issuer, or the leader who approved the draft. */
    public static final String RESPONSIBLE_LEADER = "responsibleLeader";
    /** The day a department last reported progress (ISO date). */
    public static final String LAST_PROGRESS_ON = "lastProgressOn";

    // approval and withdrawal
    public static final String APPROVED = "approved";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    // one department's part
    public static final String DEPARTMENT = "department";
    public static final String ROLE = "role";
    public static final String SIGN_DUE_AT = "signDueAt";
    public static final String DEADLINE_AT = "deadlineAt";
    public static final String YELLOW_AT = "yellowAt";
    public static final String REMINDER_AT = "reminderAt";
    public static final String RED_AT = "redAt";
    public static final String OVERDUE_URGE_CYCLE = "overdueUrgeCycle";
    public static final String ESCALATE_AT = "escalateAt";
    public static final String PROGRESS_DUE_AT = "progressDueAt";
    public static final String REARM = "rearm";

    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_PROGRESS = "progress";
    public static final String OUTCOME_SUBMIT = "submit";
    public static final String OUTCOME_EXTEND = "extend";
    public static final String PROGRESS_NOTE = "progressNote";
    public static final String RESULT_SUMMARY = "resultSummary";
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String DECISION_COMMENT = "decisionComment";
    public static final String ACCEPTED = "accepted";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String QUALITY_RATING = "qualityRating";
    /** Who reviewed: recorded with the review, because the rest of the step runs later in a job. */
    public static final String REVIEWED_BY = "reviewedBy";

    // manual urge (message correlation)
    public static final String URGED_BY = "urgedBy";
    public static final String URGE_NOTE = "urgeNote";

    // score inputs and result (department-score.dmn)
    public static final String LATE_DAYS = "lateDays";
    public static final String SIGN_LATE_DAYS = "signLateDays";
    public static final String URGE_COUNT = "urgeCount";
    public static final String REWORK_COUNT = "reworkCount";
    public static final String APPROVED_EXTENSIONS = "approvedExtensions";
    public static final String SCORE_RESULT = "scoreResult";

    private DirectiveVariables() {
    }
}
