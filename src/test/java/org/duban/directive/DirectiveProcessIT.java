package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of directive.bpmn, driven through the engine with the real delegates and read model.
 * The job executor is off: tests move the engine clock and run the jobs themselves.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@Tag("database")
class DirectiveProcessIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aLeadersDirectiveGoesStraightToEveryDepartmentAndClosesWithAWeightedScore() {
        ProcessInstance directive = driver.issue("leader", "dsjj", "kjj,zdxq", "2026-12-10", "none");
        String number = businessKey(directive);
        assertThat(number).matches("DB-2026-\\d{4}");
        assertThat(directive).isWaitingAt("CallActivity_DepartmentWork").hasNotPassed("Task_ApproveDirective");
        assertThat(status(number)).isEqualTo("IN_PROGRESS");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).count()).isEqualTo(3);

        for (String department : new String[] {"dsjj", "kjj", "zdxq"}) {
            ProcessInstance work = driver.departmentWork(number, department);
            driver.sign(department, work);
            driver.submit(department, work);
            driver.accept(work, department.equals("dsjj") ? 5 : 4);
            assertThat(work).isEnded().hasPassed("Task_ScoreDepartment", "Task_RecordScore");
        }
        driver.executeDueJobs();

        assertThat(directive).isEnded().hasPassed("Task_ScoreDirective", "Task_CloseDirective").hasPassed("End_Closed");
        assertThat(status(number)).isEqualTo("CLOSED");
        // on time, signed on time, no urges: 40 + 10 + rating × 10; lead weighs 2, co 1
        assertThat(departmentScore(number, "dsjj")).isEqualTo(100);
        assertThat(departmentScore(number, "kjj")).isEqualTo(90);
        assertThat(jdbc.queryForObject("SELECT score FROM directive WHERE number = ?", Double.class, number))
                .isEqualTo(95.0); // (2 × 100 + 90 + 90) / 4
    }

    @Test
    void anOfficeDraftWaitsForTheLeaderAndIsDispatchedWhenApproved() {
        ProcessInstance directive = driver.issue("supervisor", "kjj", "", "2026-12-10", "none");
        String number = businessKey(directive);
        assertThat(directive).isWaitingAt("Task_ApproveDirective");
        assertThat(status(number)).isEqualTo("DRAFT");
        assertThat(BpmnAwareTests.task(directive)).hasCandidateGroup("leaders");

        driver.complete("leader", directive, Map.of(APPROVED, true, APPROVAL_COMMENT, "同意，抓紧办理"));

        assertThat(directive).hasPassed("Task_RecordApproval", "Task_DispatchDirective").isWaitingAt("CallActivity_DepartmentWork");
        assertThat(status(number)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForList("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'APPROVED'",
                String.class, number)).containsExactly("leader");
        assertThat(engine.getRuntimeService().getVariable(directive.getId(), RESPONSIBLE_LEADER)).isEqualTo("leader");
    }

    @Test
    void aRefusedDraftEndsAsRejected() {
        ProcessInstance directive = driver.issue("supervisor", "kjj", "", "2026-12-10", "none");
        String number = businessKey(directive);

        assertThatThrownBy(() -> driver.complete("leader", directive, Map.of(APPROVED, false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvalComment");

        driver.complete("leader", directive, Map.of(APPROVED, false, APPROVAL_COMMENT, "不属于本级督办范围"));

        assertThat(directive).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_DispatchDirective");
        assertThat(status(number)).isEqualTo("REJECTED");
    }

    @Test
    void withdrawalEndsEveryOpenDepartmentTask() {
        ProcessInstance directive = driver.issue("leader", "dsjj", "kjj", "2026-12-10", "none");
        String number = businessKey(directive);
        ProcessInstance dsjj = driver.departmentWork(number, "dsjj");
        driver.sign("dsjj", dsjj);

        engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceBusinessKey(number)
                .setVariables(Map.of(WITHDRAWN_BY, "leader", WITHDRAWAL_REASON, "情况已变化")).correlate();

        assertThat(directive).isEnded().hasPassed("Task_WithdrawDirective", "End_Cancelled");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(status(number)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForList("SELECT status FROM directive_department WHERE directive_number = ?", String.class, number))
                .containsOnly("CANCELLED");
    }

    @Test
    void aDraftCanBeWithdrawnBeforeTheLeaderDecides() {
        ProcessInstance directive = driver.issue("supervisor", "kjj", "", "2026-12-10", "none");
        engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAW).processInstanceBusinessKey(businessKey(directive))
                .setVariables(Map.of(WITHDRAWN_BY, "supervisor", WITHDRAWAL_REASON, "重复立项")).correlate();
        assertThat(directive).isEnded().hasPassed("End_Cancelled").hasNotPassed("Task_RecordApproval");
    }

    @Test
    void numbersAreSequentialPerYear() {
        String first = businessKey(driver.issue("leader", "kjj", "", "2026-12-10", "none"));
        String second = businessKey(driver.issue("leader", "kjj", "", "2026-12-10", "none"));
        assertThat(Integer.parseInt(second.substring(8))).isEqualTo(Integer.parseInt(first.substring(8)) + 1);
    }

    private String businessKey(ProcessInstance instance) {
        return (String) engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
    }

    private String status(String number) {
        return jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number);
    }

    private int departmentScore(String number, String department) {
        return jdbc.queryForObject("SELECT score FROM directive_department WHERE directive_number = ? AND department = ?",
                Integer.class, number, department);
    }
}
