package org.duban.directive;

/**
 * The names the BPMN models, the forms, the delegates and the tests of {@code directive} and
 * {@code department-work} share. They must match bpmn/*.bpmn and bpmn/forms/*.form.
 *
 * <p>Variables are only ever a step's input: what a person entered in the form of the task being completed
 * (or of the start form). Every fact a step relies on (which directive and unit, role, deadlines, counts, the
 * issuer) comes from Duban's own records, found by the process instance the engine runs the step in.
 */
public final class DirectiveVariables {

    /** Process keys; each must match the id of its model in bpmn/. */
    public static final String DIRECTIVE_PROCESS = "directive";
    public static final String DEPARTMENT_WORK_PROCESS = "department-work";

    public static final String MESSAGE_WITHDRAW = "withdraw-directive";
    /** Sent to a directive by its last part to finish. */
    public static final String MESSAGE_PARTS_COMPLETED = "parts-completed";

    // the start form (交办)
    public static final String TITLE = "title";
    public static final String INSTRUCTION = "instruction";
    public static final String CATEGORY = "category";
    public static final String PRIORITY = "priority";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    /** Co-units: a list from the form's checklist, or codes separated by commas. */
    public static final String CO_DEPARTMENTS = "coDepartments";
    public static final String DEADLINE = "deadline";
    public static final String REPORT_CYCLE = "reportCycle";
    /** Units by the tree, as {@code under:level} values (start form). */
    public static final String TARGETS = "targets";

    // 领导批示
    public static final String APPROVED = "approved";
    public static final String APPROVAL_COMMENT = "approvalComment";

    // 签收 (or return it: 退回/申请改派)
    public static final String SIGN_OUTCOME = "signOutcome";
    public static final String SIGN_OUTCOME_SIGN = "sign";
    public static final String SIGN_OUTCOME_RETURN = "return";
    public static final String RETURN_REASON = "returnReason";

    // 审批改派
    public static final String REASSIGN = "reassign";
    public static final String NEW_UNIT = "newUnit";
    public static final String REASSIGNMENT_COMMENT = "reassignmentComment";

    // 办理
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_PROGRESS = "progress";
    public static final String OUTCOME_SUBMIT = "submit";
    public static final String OUTCOME_EXTEND = "extend";
    public static final String PROGRESS_NOTE = "progressNote";
    public static final String RESULT_SUMMARY = "resultSummary";
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    public static final String EXTENSION_REASON = "extensionReason";

    // 审批延期
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String DECISION_COMMENT = "decisionComment";

    // 审核
    public static final String ACCEPTED = "accepted";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String QUALITY_RATING = "qualityRating";
    /** Whether the reviewer checked the unit's 佐证材料 against its result (核实); optional, false when absent. */
    public static final String EVIDENCE_VERIFIED = "evidenceVerified";

    /** Set by the model on each urging task (an input parameter): why it urges, an {@link UrgeReason} key. */
    public static final String URGE_REASON = "urgeReason";
    /** Set by the supervision step for the gateway right after it, in the same transaction. */
    public static final String SUPERVISION_ACTION = "supervisionAction";

    private DirectiveVariables() {
    }
}
