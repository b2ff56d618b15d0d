package org.duban.directive.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.duban.directive.DirectiveVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of directive.bpmn on a bare engine, its beans replaced: a leader's directive or the office's draft
 * (approved or refused), delivery at once or in batches, waiting for the parts or finding them done, and
 * withdrawal.
 */
@Deployment(resources = "bpmn/directive.bpmn")
class DirectiveModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-tier.cfg.xml")
            .build();

    /** The directive's record as the fake steps keep it. */
    public static final class Facts {
        public boolean draft;
        public boolean approved = true;
        public int batchesLeft;
        /** Parts another delivery held while the batches ran: they are left when the batches are done. */
        public int heldBack;
        public boolean partsDone;

        public boolean draft(Object execution) {
            return draft;
        }

        public boolean approved(Object execution) {
            return approved;
        }

        public int batchesLeft(Object execution) {
            return batchesLeft;
        }

        public int deliveryLanes(Object execution) {
            return Math.min(2, batchesLeft);
        }

        public boolean allPartsDone(Object execution) {
            return partsDone;
        }

        public int priority(Object execution) {
            return 50;
        }

        public Date decisionDueAt(Object execution) {
            return Date.from(java.time.Instant.parse("2026-12-02T09:30:00Z"));
        }
    }

    Facts facts;
    ModelBeans beans;

    @BeforeEach
    void beans() {
        // the assertions ask this engine, not one a full-stack test in the same JVM registered before
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        facts = new Facts();
        Map<String, Consumer<DelegateExecution>> delegates = new LinkedHashMap<>();
        delegates.put("registerDirectiveDelegate", e -> e.setProcessBusinessKey("DB-2026-0001"));
        delegates.put("recordApprovalDelegate", e -> facts.approved = Boolean.TRUE.equals(e.getVariable(APPROVED)));
        delegates.put("dispatchDirectiveDelegate", e -> { });
        delegates.put("deliverBatchDelegate", e -> {
            facts.batchesLeft = Math.max(0, facts.batchesLeft - 1);
            if (facts.batchesLeft == 0) {
                facts.batchesLeft = facts.heldBack;
                facts.heldBack = 0;
            }
        });
        delegates.put("scoreDirectiveDelegate", e -> { });
        delegates.put("closeDirectiveDelegate", e -> { });
        delegates.put("withdrawDirectiveDelegate", e -> { });
        beans = ModelBeans.register(delegates, List.of("describeTaskListener", "validateApprovalListener"),
                Map.of("directiveFacts", facts));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance issue() {
        return runtimeService().startProcessInstanceByKey(DIRECTIVE_PROCESS);
    }

    void partsCompleted(ProcessInstance directive) {
        runtimeService().createMessageCorrelation(MESSAGE_PARTS_COMPLETED).processInstanceId(directive.getId()).correlate();
    }

    @Test
    void aLeadersDirectiveGoesOutAtOnceWaitsForItsPartsAndCloses() {
        ProcessInstance directive = issue();
        assertThat(directive).hasPassed("Task_RegisterDirective", "Gateway_Draft", "Task_DispatchDirective",
                "Gateway_Undelivered", "Gateway_PartsOpen").isWaitingAt("Task_AwaitParts");
        assertThat(directive).hasNotPassed("Task_ApproveDirective", "Task_DeliverBatch");
        partsCompleted(directive);
        assertThat(directive).hasPassed("Task_ScoreDirective", "Task_CloseDirective", "End_Closed").isEnded();
        assertThat(beans.calls).containsExactly("registerDirectiveDelegate", "dispatchDirectiveDelegate",
                "scoreDirectiveDelegate", "closeDirectiveDelegate");
    }

    @Test
    void theOfficesDraftWaitsForALeaderWhoApproves() {
        facts.draft = true;
        ProcessInstance directive = issue();
        assertThat(directive).isWaitingAt("Task_ApproveDirective");
        assertThat(task(directive)).hasCandidateGroup("leaders").hasDueDate(facts.decisionDueAt(null));
        complete(task(directive), withVariables(APPROVED, true, APPROVAL_COMMENT, "同意"));
        assertThat(directive).hasPassed("Task_RecordApproval", "Gateway_Approved", "Task_DispatchDirective")
                .isWaitingAt("Task_AwaitParts");
        assertThat(beans.calls).contains("describeTaskListener:create", "validateApprovalListener:complete");
    }

    @Test
    void aRefusedDraftEnds() {
        facts.draft = true;
        ProcessInstance directive = issue();
        complete(task(directive), withVariables(APPROVED, false, APPROVAL_COMMENT, "暂缓"));
        assertThat(directive).hasPassed("Gateway_Approved", "End_Rejected").isEnded();
        assertThat(beans.calls).doesNotContain("dispatchDirectiveDelegate");
    }

    @Test
    void aLargeDirectiveIsDeliveredInBatchesTwoSideBySideEachAJobOfItsOwn() {
        facts.batchesLeft = 3;
        ProcessInstance directive = issue();
        assertThat(directive).hasPassed("Gateway_Undelivered").isWaitingAt("Task_DeliverBatch");
        List<Job> first = jobQuery().processInstanceId(directive.getId()).list();
        assertThat(first).as("two batches at once, neither waiting for the other").hasSize(2)
                .noneMatch(job -> ((JobEntity) job).isExclusive());
        first.forEach(job -> execute(job));
        assertThat(beans.calls.stream().filter("deliverBatchDelegate"::equals).count()).isEqualTo(2);
        // each batch commits on its own: joining the round is a job of its own, so a conflict of two batches
        // finishing together repeats only the join, never a batch
        List<Job> joins = jobQuery().processInstanceId(directive.getId()).list();
        assertThat(joins).hasSize(2);
        joins.forEach(job -> execute(job));
        assertThat(jobQuery().processInstanceId(directive.getId()).count()).as("the last batch, alone").isEqualTo(1);
        while (jobQuery().processInstanceId(directive.getId()).count() > 0) {
            execute(jobQuery().processInstanceId(directive.getId()).list().get(0));
        }
        assertThat(beans.calls.stream().filter("deliverBatchDelegate"::equals).count()).isEqualTo(3);
        assertThat(directive).hasPassed("Task_DeliverBatch", "Gateway_PartsOpen").isWaitingAt("Task_AwaitParts");
    }

    @Test
    void partsLeftAfterTheBatchesGoOutInAnotherRound() {
        facts.batchesLeft = 1;
        facts.heldBack = 1;
        ProcessInstance directive = issue();
        assertThat(jobQuery().processInstanceId(directive.getId()).count()).as("one batch left: one lane").isEqualTo(1);
        while (jobQuery().processInstanceId(directive.getId()).count() > 0) {
            assertThat(directive).isWaitingAt("Task_DeliverBatch");
            execute(jobQuery().processInstanceId(directive.getId()).list().get(0));
        }
        assertThat(beans.calls.stream().filter("deliverBatchDelegate"::equals).count()).isEqualTo(2);
        assertThat(directive).hasPassed("Gateway_PartsOpen").isWaitingAt("Task_AwaitParts");
    }

    @Test
    void partsAlreadyDoneWhenTheDirectiveGetsThereAreNotWaitedFor() {
        facts.partsDone = true;
        ProcessInstance directive = issue();
        assertThat(directive).hasPassed("Gateway_PartsOpen", "Gateway_Finished", "End_Closed").hasNotPassed("Task_AwaitParts")
                .isEnded();
    }

    @Test
    void aWithdrawalDuringDeliveryEndsTheBatchesNotYetRun() {
        facts.batchesLeft = 3;
        ProcessInstance directive = issue();
        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceId(directive.getId()).correlate();
        assertThat(directive).hasPassed("Task_WithdrawDirective", "End_Withdrawn").isEnded();
        assertThat(jobQuery().processInstanceId(directive.getId()).count()).isZero();
        assertThat(beans.calls).doesNotContain("deliverBatchDelegate");
    }

    @Test
    void aWithdrawalEndsTheDirectiveWhereverItIs() {
        ProcessInstance directive = issue();
        runtimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceId(directive.getId()).correlate();
        assertThat(directive).hasPassed("Start_Withdraw", "Task_WithdrawDirective", "End_Withdrawn").isEnded();
        assertThat(directive).hasNotPassed("Task_ScoreDirective");
    }
}
