package org.duban.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.duban.directive.DirectiveVariables.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Every path of department-work.bpmn: signing, progress, extension approved and refused, rework,
 * each timer fired on the engine clock, and the office's manual urge. Dates: issued Tuesday
 * 2026-12-01 10:00, deadline Thursday 2026-12-10, template "general", priority normal
 * (yellow 3, reminder 1, escalation 3 working days).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@Tag("database")
class DepartmentWorkProcessIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;
    String number;
    ProcessInstance work;

    @BeforeEach
    void issueToOneDepartment() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void issue(String reportCycle) {
        ProcessInstance directive = driver.issue("leader", "kjj", "", "2026-12-10", reportCycle);
        number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        work = driver.departmentWork(number, "kjj");
    }

    @Test
    void signProgressSubmitAccept() {
        issue("none");
        assertThat(work).isWaitingAt("Task_SignDirective");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("dept-kjj");
        assertThat(department("status")).isEqualTo("TO_SIGN");

        driver.sign("kjj", work);
        assertThat(work).isWaitingAt("Task_HandleDirective");
        assertThat(department("status")).isEqualTo("HANDLING");

        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "已完成方案起草"));
        assertThat(work).hasPassed("Task_RecordProgress").isWaitingAt("Task_HandleDirective");

        driver.submit("kjj", work);
        assertThat(work).isWaitingAt("Task_ReviewResult");
        assertThat(department("status")).isEqualTo("UNDER_REVIEW");

        driver.accept(work, 5);
        assertThat(work).isEnded().hasPassed("Task_ScoreDepartment", "Task_RecordScore", "End_Done");
        assertThat(department("status")).isEqualTo("DONE");
        assertThat(events()).containsSubsequence("ISSUED", "DISPATCHED", "SIGNED", "PROGRESS_REPORTED", "SUBMITTED",
                "ACCEPTED", "SCORED");
        assertThat(jdbc.queryForObject("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'SIGNED'",
                String.class, number)).isEqualTo("kjj");
    }

    @Test
    void handlingInputIsCheckedAndTheTaskStaysOpen() {
        issue("none");
        driver.sign("kjj", work);
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_SUBMIT)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("resultSummary");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, "finish")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND,
                REQUESTED_DEADLINE, "2026-12-05", EXTENSION_REASON, "x")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("requestedDeadline");
        driver.submit("kjj", work);
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(ACCEPTED, true)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("qualityRating");
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(ACCEPTED, true, QUALITY_RATING, 6)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("qualityRating");
        assertThat(work).isWaitingAt("Task_ReviewResult");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndReArmsTheTimers() {
        issue("none");
        driver.sign("kjj", work);
        assertThat(driver.timer(work, "Timer_Red").getDuedate()).isEqualTo(at("2026-12-11T00:00:00+08:00"));

        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-17",
                EXTENSION_REASON, "需协调省级部门"));
        assertThat(work).isWaitingAt("Task_DecideExtension");
        assertThat(department("status")).isEqualTo("EXTENSION_REQUESTED");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("supervisors");

        driver.complete("supervisor", work, Map.of(EXTENSION_APPROVED, true, DECISION_COMMENT, "同意"));

        assertThat(work).hasPassed("End_Rearm").isWaitingAt("Task_HandleDirective");
        assertThat(department("deadline")).isEqualTo("2026-12-17");
        assertThat(department("original_deadline")).isEqualTo("2026-12-10");
        assertThat(department("extension_count")).isEqualTo("1");
        assertThat(driver.timer(work, "Timer_Red").getDuedate()).isEqualTo(at("2026-12-18T00:00:00+08:00"));
        assertThat(driver.timer(work, "Timer_Yellow").getDuedate()).isEqualTo(at("2026-12-14T09:00:00+08:00"));
        assertThat(BpmnAwareTests.task(work).getDueDate()).isEqualTo(at("2026-12-17T23:59:59+08:00"));
    }

    @Test
    void aRefusedExtensionKeepsTheOriginalDeadline() {
        issue("none");
        driver.sign("kjj", work);
        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-17",
                EXTENSION_REASON, "需协调"));
        driver.complete("supervisor", work, Map.of(EXTENSION_APPROVED, false, DECISION_COMMENT, "请按期完成"));

        assertThat(work).hasNotPassed("End_Rearm").isWaitingAt("Task_HandleDirective");
        assertThat(department("deadline")).isEqualTo("2026-12-10");
        assertThat(department("status")).isEqualTo("HANDLING");
        assertThat(driver.timer(work, "Timer_Red").getDuedate()).isEqualTo(at("2026-12-11T00:00:00+08:00"));
        assertThat(events()).contains("EXTENSION_REFUSED");
    }

    @Test
    void aReturnedResultGoesBackToHandlingAndCountsAsRework() {
        issue("none");
        driver.sign("kjj", work);
        driver.submit("kjj", work);
        driver.returnForRework(work);
        assertThat(work).hasPassed("Task_RecordReview").isWaitingAt("Task_HandleDirective");
        assertThat(department("rework_count")).isEqualTo("1");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_SUBMIT)))
                .as("the first result is not silently submitted again").isInstanceOf(FormFieldValidationException.class);
        driver.submit("kjj", work);
        driver.accept(work, 4);
        assertThat(work).isEnded();
        // on time 40 + signed 10 + quality 40 − one rework 5
        assertThat(department("score")).startsWith("85");
    }

    @Test
    void notSignedWithinAWorkingDayIsUrged() {
        issue("none");
        Job signTimer = driver.timer(work, "Timer_SignOverdue");
        assertThat(signTimer.getDuedate()).isEqualTo(at("2026-12-02T10:00:00+08:00"));
        ProcessDriver.clock("2026-12-02T10:00:01+08:00");
        driver.fire(signTimer);
        assertThat(work).hasPassed("Task_UrgeToSign").isWaitingAt("Task_SignDirective");
        assertThat(department("urge_count")).isEqualTo("1");
        assertThat(engine.getRuntimeService().getVariable(work.getId(), URGE_COUNT)).isEqualTo(1);

        ProcessDriver.clock("2026-12-03T11:00:00+08:00");
        driver.sign("kjj", work);
        assertThat(department("sign_late_days")).isEqualTo("1");
    }

    @Test
    void yellowReminderRedDailyUrgesAndEscalationFollowTheWorkingDayClock() {
        issue("none");
        driver.sign("kjj", work);
        assertThat(driver.timer(work, "Timer_Yellow").getDuedate()).isEqualTo(at("2026-12-07T09:00:00+08:00"));
        assertThat(driver.timer(work, "Timer_Reminder").getDuedate()).isEqualTo(at("2026-12-09T09:00:00+08:00"));
        assertThat(driver.timer(work, "Timer_OverdueUrge").getDuedate()).isEqualTo(at("2026-12-11T09:00:00+08:00"));
        assertThat(driver.timer(work, "Timer_Escalate").getDuedate()).isEqualTo(at("2026-12-15T09:00:00+08:00"));

        ProcessDriver.clock("2026-12-07T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_Yellow"));
        ProcessDriver.clock("2026-12-09T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_Reminder"));
        ProcessDriver.clock("2026-12-11T00:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_Red"));
        ProcessDriver.clock("2026-12-11T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_OverdueUrge"));          // Friday: urged
        ProcessDriver.clock("2026-12-12T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_OverdueUrge"));          // Saturday: no urge on a day off
        ProcessDriver.clock("2026-12-14T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_OverdueUrge"));          // Sunday's run, late, counts Monday once
        driver.fire(driver.timer(work, "Timer_OverdueUrge"));          // Monday again: not twice a day
        ProcessDriver.clock("2026-12-15T09:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_Escalate"));

        assertThat(work).hasPassed("Task_TurnYellow", "Task_RemindDeadline", "Task_TurnRed", "Task_UrgeOverdue",
                "Task_EscalateToLeader").isWaitingAt("Task_HandleDirective");
        assertThat(events()).containsSubsequence("TURNED_YELLOW", "REMINDED", "TURNED_RED", "URGED", "URGED", "ESCALATED");
        assertThat(department("urge_count")).isEqualTo("2");
        assertThat(department("escalated")).isIn("true", "TRUE", "t");
        assertThat(jdbc.queryForObject("SELECT details FROM directive_event WHERE directive_number = ? AND type = 'ESCALATED'",
                String.class, number)).contains("\"leader\":\"leader\"");

        // a late result without an approved extension is scored against the original deadline
        ProcessDriver.clock("2026-12-15T15:00:00+08:00");
        driver.submit("kjj", work);
        assertThat(department("late_days")).isEqualTo("3");
    }

    @Test
    void reArmedTimersDoNotSignalTheSameDeadlineTwice() {
        issue("none");
        driver.sign("kjj", work);
        ProcessDriver.clock("2026-12-11T00:00:01+08:00");
        driver.fire(driver.timer(work, "Timer_Red"));
        driver.submit("kjj", work);
        driver.returnForRework(work);
        // handling is entered again after the deadline: the red timer is due at once, but red was already signalled
        driver.fire(driver.timer(work, "Timer_Red"));
        assertThat(events().stream().filter("TURNED_RED"::equals).count()).isEqualTo(1);
    }

    @Test
    void aMissedProgressReportIsAnUrgeAndAReportedOneIsNot() {
        issue("weekly");
        driver.sign("kjj", work);
        Job due = driver.timer(work, "Timer_ProgressDue");
        assertThat(due.getDuedate()).isEqualTo(at("2026-12-08T17:30:00+08:00"));
        ProcessDriver.clock("2026-12-08T17:30:01+08:00");
        driver.fire(due);
        assertThat(department("urge_count")).isEqualTo("1");

        ProcessDriver.clock("2026-12-09T10:00:00+08:00");
        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "第二周进展"));
        Job next = driver.timer(work, "Timer_ProgressDue");
        assertThat(next.getDuedate()).isEqualTo(at("2026-12-15T17:30:00+08:00"));
        ProcessDriver.clock("2026-12-15T17:30:01+08:00");
        driver.fire(next);
        assertThat(department("urge_count")).isEqualTo("1");
        assertThat(work).hasPassed("Task_CheckProgressReport").isWaitingAt("Task_HandleDirective");
    }

    @Test
    void theOfficeUrgesByMessageAndTheUrgeIsKeptWithItsActor() {
        issue("none");
        engine.getRuntimeService().createMessageCorrelation(MESSAGE_URGE).processInstanceBusinessKey(number)
                .processInstanceVariableEquals(DEPARTMENT, "kjj")
                .setVariables(Map.of(URGED_BY, "supervisor", URGE_NOTE, "请尽快签收")).correlateAll();
        assertThat(work).hasPassed("Task_RecordManualUrge").isWaitingAt("Task_SignDirective");
        assertThat(department("urge_count")).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'URGED'",
                String.class, number)).isEqualTo("supervisor");
    }

    private String department(String column) {
        return String.valueOf(jdbc.queryForObject("SELECT " + column + " FROM directive_department WHERE directive_number = ? "
                + "AND department = 'kjj'", Object.class, number));
    }

    private List<String> events() {
        return jdbc.queryForList("SELECT type FROM directive_event WHERE directive_number = ? ORDER BY id", String.class, number);
    }

    private static java.util.Date at(String iso) {
        return java.util.Date.from(OffsetDateTime.parse(iso).toInstant());
    }
}
