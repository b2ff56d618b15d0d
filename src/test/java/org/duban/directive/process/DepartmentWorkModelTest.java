package org.duban.directive.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.directive.DirectiveVariables.*;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of department-work.bpmn on a bare engine, its beans replaced (see {@link ModelBeans}): which tasks
 * a part goes through, whose they are, and which step runs when — signing or returning, handling with progress,
 * extensions and submission, review and rework, and each action of the one supervision clock that runs from the
 * part's delivery to its end.
 */
@Deployment(resources = "bpmn/department-work.bpmn")
class DepartmentWorkModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-tier.cfg.xml")
            .build();

    /** The part's record as the fake steps keep it; the facts bean answers from it, as the real one does. */
    public static final class Facts {
        public String status = "TO_SIGN";
        public String decider = "supervisors";
        public Date next = ModelBeans.farAhead();

        public String unitGroup(Object execution) {
            return "dept-kjj";
        }

        public String deciderGroup(Object execution) {
            return decider;
        }

        public int priority(Object execution) {
            return 75;
        }

        public Date signDueAt(Object execution) {
            return Date.from(java.time.Instant.parse("2026-12-03T02:00:00Z"));
        }

        public Date deadlineAt(Object execution) {
            return Date.from(java.time.Instant.parse("2026-12-10T15:59:59Z"));
        }

        public Date decisionDueAt(Object execution) {
            return Date.from(java.time.Instant.parse("2026-12-04T09:30:00Z"));
        }

        public boolean awaitingReassignment(Object execution) {
            return status.equals("RETURNED");
        }

        public boolean extensionRequested(Object execution) {
            return status.equals("EXTENSION_REQUESTED");
        }

        public boolean submitted(Object execution) {
            return status.equals("UNDER_REVIEW");
        }

        public boolean accepted(Object execution) {
            return status.equals("UNDER_REVIEW");
        }

        public boolean open(Object execution) {
            return !status.equals("DONE") && !status.equals("CANCELLED");
        }

        /** As the real clock: while the part waits to be signed, its signing deadline. */
        public Date nextSupervisionAt(Object execution) {
            return status.equals("TO_SIGN") ? signDueAt(execution) : next;
        }
    }

    Facts facts;
    ModelBeans beans;
    final Deque<String> dueActions = new ArrayDeque<>();

    @BeforeEach
    void beans() {
        // the assertions ask this engine, not one a full-stack test in the same JVM registered before
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        facts = new Facts();
        Map<String, Consumer<DelegateExecution>> delegates = new LinkedHashMap<>();
        delegates.put("bindPartDelegate", e -> { });
        // the steps that move the part's moments re-arm its clock, as Signing and Review do
        delegates.put("recordSigningDelegate", e -> {
            facts.status = SIGN_OUTCOME_RETURN.equals(e.getVariable(SIGN_OUTCOME)) ? "RETURNED" : "HANDLING";
            rearm(e);
        });
        delegates.put("recordReassignmentDelegate", e -> {
            facts.status = "TO_SIGN";
            rearm(e);
        });
        delegates.put("recordHandlingDelegate", e -> facts.status = switch (String.valueOf(e.getVariable(OUTCOME))) {
            case OUTCOME_EXTEND -> "EXTENSION_REQUESTED";
            case OUTCOME_SUBMIT -> "UNDER_REVIEW";
            default -> "HANDLING";
        });
        delegates.put("recordExtensionDecisionDelegate", e -> facts.status = "HANDLING");
        delegates.put("recordReviewDelegate", e -> {
            facts.status = Boolean.TRUE.equals(e.getVariable(ACCEPTED)) ? "UNDER_REVIEW" : "HANDLING";
            rearm(e);
        });
        delegates.put("scorePartDelegate", e -> facts.status = "DONE");
        delegates.put("finishPartDelegate", e -> { });
        delegates.put("superviseDelegate", e -> e.setVariableLocal(SUPERVISION_ACTION,
                dueActions.isEmpty() ? "none" : dueActions.poll()));
        delegates.put("signalDeadlineDelegate", e -> { });
        delegates.put("urgeDepartmentDelegate", e -> { });
        delegates.put("escalateDelegate", e -> { });
        beans = ModelBeans.register(delegates, List.of("describeTaskListener", "grantPartReadersListener",
                "validateSigningListener",
                "validateReassignmentListener", "validateHandlingListener", "validateExtensionDecisionListener",
                "validateReviewListener"), Map.of("partFacts", facts));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void rearm(DelegateExecution e) {
        managementService().createJobQuery().processInstanceId(e.getProcessInstanceId()).timers().list()
                .forEach(timer -> managementService().setJobDuedate(timer.getId(), facts.nextSupervisionAt(e)));
    }

    /** The activity of the part's one timer. */
    private static String clock(ProcessInstance part) {
        return managementService().createJobQuery().processInstanceId(part.getId()).list().stream()
                .map(job -> managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId())
                .reduce((one, two) -> one + "," + two).orElse(null);
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(DEPARTMENT_WORK_PROCESS, "DB-2026-0001");
    }

    @Test
    void signHandleReportSubmitAcceptScoreAndFinish() {
        ProcessInstance part = start();
        assertThat(part).isWaitingAt("Task_SignDirective");
        assertThat(task(part)).hasCandidateGroup("dept-kjj").hasDueDate(facts.signDueAt(null));
        assertThat(task(part).getPriority()).as("the directive's priority").isEqualTo(75);
        assertThat(beans.calls).containsExactly("bindPartDelegate", "describeTaskListener:create",
                "grantPartReadersListener:create");
        assertThat(clock(part)).as("the part's one clock, set at its delivery").isEqualTo("Timer_Supervision");
        assertThat(job(part).getDuedate()).as("first, the signing deadline").isEqualTo(facts.signDueAt(null));
        assertThat(runtimeService().createExecutionQuery().processInstanceId(part.getId()).count())
                .as("a part waiting to be signed is its instance alone").isEqualTo(1);

        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_SIGN));
        assertThat(part).hasPassed("Task_RecordSigning", "Gateway_Signed").isWaitingAt("Task_HandleDirective");
        assertThat(task(part)).hasCandidateGroup("dept-kjj").hasDueDate(facts.deadlineAt(null));
        assertThat(clock(part)).as("the same clock waits for the first supervision moment").isEqualTo("Timer_Supervision");
        assertThat(job(part).getDuedate()).as("re-armed by the signing").isEqualTo(facts.next);
        assertThat(runtimeService().createExecutionQuery().processInstanceId(part.getId()).count())
                .as("until it comes, no branch runs beside the handling: the instance alone").isEqualTo(1);

        complete(task(part), withVariables(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "已起草方案"));
        assertThat(part).hasPassed("Gateway_Outcome").isWaitingAt("Task_HandleDirective");

        complete(task(part), withVariables(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "已完成"));
        assertThat(part).hasPassed("Gateway_Outcome").isWaitingAt("Task_ReviewResult");
        assertThat(clock(part)).as("the clock runs on while the result is reviewed").isEqualTo("Timer_Supervision");
        assertThat(task(part)).hasCandidateGroup("supervisors").hasDueDate(facts.decisionDueAt(null));

        complete(task(part), withVariables(ACCEPTED, true, QUALITY_RATING, 5));
        assertThat(part).hasPassed("Task_ScorePart", "Task_FinishPart", "End_Done").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(part.getId()).count())
                .as("已办结 ends the clock with the part").isZero();
        assertThat(beans.calls).containsSubsequence("recordSigningDelegate", "recordHandlingDelegate",
                "recordHandlingDelegate", "recordReviewDelegate", "scorePartDelegate",
                "finishPartDelegate");
        assertThat(beans.calls).contains("validateSigningListener:complete", "validateHandlingListener:complete",
                "validateReviewListener:complete");
    }

    @Test
    void aReturnAtSigningIsDecidedAndTheUnitSignsAgain() {
        ProcessInstance part = start();
        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_RETURN, RETURN_REASON, "不属于本单位职责"));
        assertThat(part).hasPassed("Gateway_Signed").isWaitingAt("Task_DecideReassignment");
        assertThat(task(part)).hasCandidateGroup("supervisors");

        assertThat(job(part).getDuedate()).as("a return being decided has nothing due").isEqualTo(facts.next);

        complete(task(part), withVariables(REASSIGN, true, NEW_UNIT, "zdxq"));
        assertThat(part).hasPassed("Task_RecordReassignment").isWaitingAt("Task_SignDirective");
        assertThat(job(part).getDuedate()).as("the new unit's signing deadline").isEqualTo(facts.signDueAt(null));
        assertThat(beans.calls).containsSubsequence("recordSigningDelegate", "validateReassignmentListener:complete",
                "recordReassignmentDelegate", "describeTaskListener:create", "grantPartReadersListener:create");
    }

    @Test
    void aPartPassedDownIsDecidedByTheUnitAbove() {
        facts.decider = "dept-zdxq";
        ProcessInstance part = start();
        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_RETURN, RETURN_REASON, "不属于本社区"));
        assertThat(task(part)).hasCandidateGroup("dept-zdxq");
        complete(task(part), withVariables(REASSIGN, false, REASSIGNMENT_COMMENT, "属于本社区"));
        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_SIGN));
        complete(task(part), withVariables(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-20", EXTENSION_REASON, "x"));
        assertThat(part).isWaitingAt("Task_DecideExtension");
        assertThat(task(part)).hasCandidateGroup("dept-zdxq");
        complete(task(part), withVariables(EXTENSION_APPROVED, false, DECISION_COMMENT, "请按期"));
        complete(task(part), withVariables(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "完成"));
        assertThat(task(part)).hasCandidateGroup("dept-zdxq");
    }

    @Test
    void anExtensionIsDecidedWhileTheClockRunsAndHandlingGoesOn() {
        ProcessInstance part = start();
        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_SIGN));
        complete(task(part), withVariables(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-17", EXTENSION_REASON, "需协调"));
        assertThat(part).hasPassed("Gateway_Outcome").isWaitingAt("Task_DecideExtension");
        complete(task(part), withVariables(EXTENSION_APPROVED, true));
        assertThat(part).hasPassed("Task_RecordExtensionDecision").isWaitingAt("Task_HandleDirective");
        assertThat(beans.calls).contains("validateExtensionDecisionListener:complete", "recordExtensionDecisionDelegate");
    }

    @Test
    void aReturnedResultGoesBackToHandlingUnderTheSameClock() {
        ProcessInstance part = start();
        complete(task(part), withVariables(SIGN_OUTCOME, SIGN_OUTCOME_SIGN));
        complete(task(part), withVariables(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "初稿"));
        facts.next = Date.from(java.time.Instant.parse("2026-12-08T01:00:00Z"));
        complete(task(part), withVariables(ACCEPTED, false, REVIEW_COMMENT, "请补充"));
        assertThat(part).hasPassed("Gateway_Accepted").isWaitingAt("Task_HandleDirective");
        assertThat(clock(part)).as("the part's one clock, still waiting for its first moment")
                .isEqualTo("Timer_Supervision");
        assertThat(job(part).getDuedate()).as("re-armed by the rework").isEqualTo(facts.next);
        complete(task(part), withVariables(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "定稿"));
        complete(task(part), withVariables(ACCEPTED, true, QUALITY_RATING, 4));
        assertThat(part).isEnded();
    }

    @Test
    void notSignedInTimeTheUnitIsUrgedAndStillSigns() {
        ProcessInstance part = start();
        assertThat(job(part).getDuedate()).isEqualTo(facts.signDueAt(null));
        dueActions.add("urgeSign");
        execute(job(part));
        assertThat(part).hasPassed("Task_Supervise", "Task_UrgeToSign").isWaitingAt("Task_SignDirective",
                "Timer_NextSupervision");
        assertThat(beans.calls).contains("urgeDepartmentDelegate:sign");
        complete(task(part));
        assertThat(part).isWaitingAt("Task_HandleDirective", "Timer_NextSupervision");
        assertThat(job(part).getDuedate()).as("signed, the clock turns to the handling's moments").isEqualTo(facts.next);
    }

    @Test
    void theSupervisionClockDoesWhatIsDueAndIsArmedAgain() {
        facts.next = Date.from(java.time.Instant.parse("2026-12-07T01:00:00Z"));
        ProcessInstance part = start();
        complete(task(part));
        assertThat(job(part).getDuedate()).isEqualTo(facts.next);
        Map<String, String> performedBy = new LinkedHashMap<>();
        performedBy.put("urgeSign", "urgeDepartmentDelegate:sign");
        performedBy.put("yellow", "signalDeadlineDelegate:yellow");
        performedBy.put("remind", "signalDeadlineDelegate:remind");
        performedBy.put("red", "signalDeadlineDelegate:red");
        performedBy.put("urgeOverdue", "urgeDepartmentDelegate:overdue");
        performedBy.put("escalate", "escalateDelegate");
        performedBy.put("checkProgress", "urgeDepartmentDelegate:progress");
        for (Map.Entry<String, String> action : performedBy.entrySet()) {
            dueActions.add(action.getKey());
            beans.calls.clear();
            execute(job(part));
            assertThat(part).isWaitingAt("Task_HandleDirective", "Timer_NextSupervision");
            assertThat(clock(part)).isEqualTo("Timer_NextSupervision");
            assertThat(beans.calls).as(action.getKey()).containsExactly("superviseDelegate", action.getValue());
        }
        beans.calls.clear();
        execute(job(part));
        assertThat(beans.calls).as("a wake-up with nothing due does nothing").containsExactly("superviseDelegate");
        assertThat(part).hasPassed("Task_UrgeToSign", "Task_TurnYellow", "Task_RemindDeadline", "Task_TurnRed", "Task_UrgeOverdue",
                "Task_Escalate", "Task_CheckProgress", "Gateway_ActionDone").isWaitingAt("Task_HandleDirective",
                "Timer_NextSupervision");
        assertThat(managementService().createJobQuery().processInstanceId(part.getId()).count()).as("one timer at a time")
                .isEqualTo(1);
        complete(task(part), withVariables(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "已完成"));
        assertThat(part).isWaitingAt("Task_ReviewResult", "Timer_NextSupervision");
        complete(task(part), withVariables(ACCEPTED, true, QUALITY_RATING, 5));
        assertThat(part).hasPassed("End_Done").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(part.getId()).count())
                .as("已办结 ends a running clock with the part").isZero();
    }

    @Test
    void theClockStopsForAPartWhoseRecordWasClosedWhileItRan() {
        facts.next = Date.from(java.time.Instant.parse("2026-12-07T01:00:00Z"));
        ProcessInstance part = start();
        complete(task(part));
        dueActions.add("yellow");
        execute(job(part));
        assertThat(part).isWaitingAt("Task_HandleDirective", "Timer_NextSupervision");
        facts.status = "CANCELLED";
        beans.calls.clear();
        execute(job(part));
        assertThat(beans.calls).containsExactly("superviseDelegate");
        assertThat(part).hasPassed("Gateway_StillOpen", "End_SupervisionOver").isWaitingAt("Task_HandleDirective")
                .isNotWaitingAt("Timer_NextSupervision");
        assertThat(job(part)).as("no timer left to urge about closed work").isNull();
    }
}
