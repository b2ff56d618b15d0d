package org.duban.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.duban.directive.DirectiveVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's part through the whole stack (real steps, real records, the engine clock moved): signing or returning
 * it, handling, extensions, rework, the supervision clock's every action in working days, progress cadence, urges
 * pressed by the office, withdrawal — and facts a caller slips in as variables changing nothing. Issued Tuesday
 * 2026-12-01 10:00, deadline Thursday 2026-12-10, template "general", priority normal (yellow 3, reminder 1,
 * escalation 3 working days).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Tag("database")
class PartWorkIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;
    String number;
    ProcessInstance work;

    @BeforeEach
    void startOfTheStory() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
        ProcessDriver.clock("2026-12-01T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void issue(String co, String reportCycle) {
        ProcessInstance directive = driver.issue("leader", "kjj", co, "2026-12-10", reportCycle);
        number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        work = driver.departmentWork(number, "kjj");
    }

    @Test
    void signReportSubmitAcceptAndScore() {
        issue("", "none");
        assertThat(work).isWaitingAt("Task_SignDirective");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("dept-kjj");
        assertThat(BpmnAwareTests.task(work).getName()).startsWith("签收 · " + number).endsWith(" · 市科技局");
        assertThat(part("status")).isEqualTo("TO_SIGN");
        assertThat(part("delivered_at")).isNotEqualTo("null");

        driver.sign("kjj", work);
        assertThat(work).isWaitingAt("Task_HandleDirective");
        assertThat(part("status")).isEqualTo("HANDLING");
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .contains(number, "批示内容", "办结期限：2026-12-10");

        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "已完成方案起草"));
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .as("the next 办理 shows what was reported").contains("已完成方案起草");
        driver.submit("kjj", work);
        assertThat(work).isWaitingAt("Task_ReviewResult");
        assertThat(part("status")).isEqualTo("UNDER_REVIEW");

        driver.accept(work, 5);
        assertThat(work).isEnded();
        assertThat(part("status")).isEqualTo("DONE");
        assertThat(part("score")).startsWith("100");
        assertThat(directive("status")).isEqualTo("CLOSED");
        assertThat(events()).containsSubsequence("ISSUED", "DISPATCHED", "SIGNED", "PROGRESS_REPORTED", "SUBMITTED",
                "ACCEPTED", "SCORED", "SCORED", "CLOSED");
        assertThat(jdbc.queryForObject("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'SIGNED'",
                String.class, number)).isEqualTo("kjj");
    }

    @Test
    void factsSlippedInAsVariablesChangeNothing() {
        issue("zdxq", "none");
        ProcessInstance other = driver.issue("leader", "dfs", "", "2026-12-18", "none");
        String otherNumber = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(other.getId()).singleResult().getBusinessKey();
        Map<String, Object> forged = new HashMap<>();
        forged.put("directiveNumber", otherNumber);
        forged.put("department", "dfs");
        forged.put("role", "lead");
        forged.put("deadline", "2027-06-30");
        forged.put("signDueAt", "2027-06-30T00:00:00+08:00");
        forged.put("urgeCount", 0);
        forged.put("issuedBy", "intruder");
        ProcessInstance zdxq = driver.departmentWork(number, "zdxq");
        driver.complete("zdxq", zdxq, forged);
        assertThat(jdbc.queryForObject("SELECT status FROM directive_department WHERE directive_number = ? "
                + "AND department = 'dfs'", String.class, otherNumber)).as("the other directive's part").isEqualTo("TO_SIGN");
        assertThat(jdbc.queryForObject("SELECT status FROM directive_department WHERE directive_number = ? "
                + "AND department = 'zdxq'", String.class, number)).isEqualTo("HANDLING");
        assertThat(jdbc.queryForObject("SELECT role FROM directive_department WHERE directive_number = ? "
                + "AND department = 'zdxq'", String.class, number)).isEqualTo("co");
        assertThat(jdbc.queryForObject("SELECT deadline FROM directive_department WHERE directive_number = ? "
                + "AND department = 'zdxq'", String.class, number)).isEqualTo("2026-12-10");
        assertThat(BpmnAwareTests.task(zdxq)).as("the next task is zdxq's own").hasCandidateGroup("dept-zdxq");
        assertThat(jdbc.queryForObject("SELECT issued_by FROM directive WHERE number = ?", String.class, number))
                .isEqualTo("leader");
        driver.complete("zdxq", zdxq, Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "完成", "lateDays", -5));
        ProcessDriver.clock("2026-12-02T10:00:00+08:00");
        driver.complete("supervisor", zdxq, Map.of(ACCEPTED, true, QUALITY_RATING, 3, "urgeCount", 0, "role", "lead",
                "reworkCount", 0));
        assertThat(jdbc.queryForObject("SELECT weight FROM directive_department WHERE directive_number = ? "
                + "AND department = 'zdxq'", String.class, number)).as("a co-unit's weight, whatever it claims")
                .startsWith("1");
    }

    @Test
    void startedWithAForgedNumberAndIssuerTheDirectiveGetsItsOwn() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, "伪造编号");
        variables.put(INSTRUCTION, "请办理");
        variables.put(PRIORITY, "normal");
        variables.put(LEAD_DEPARTMENT, "kjj");
        variables.put(DEADLINE, "2026-12-10");
        variables.put("directiveNumber", "EVIL-1");
        variables.put("issuedBy", "leader");
        variables.put("draft", false);
        ProcessInstance directive = driver.as("supervisor", () -> engine.getRuntimeService()
                .startProcessInstanceByKey(DIRECTIVE_PROCESS, variables));
        String issued = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        assertThat(issued).matches("DB-2026-\\d{4}");
        assertThat(jdbc.queryForObject("SELECT issued_by FROM directive WHERE number = ?", String.class, issued))
                .isEqualTo("supervisor");
        assertThat(jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, issued))
                .as("the office's directive waits for a leader, whatever it claims").isEqualTo("DRAFT");
        assertThat(directive).isWaitingAt("Task_ApproveDirective");
    }

    @Test
    void inputIsCheckedAndTheTaskStaysOpen() {
        issue("", "none");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(SIGN_OUTCOME, SIGN_OUTCOME_RETURN)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("returnReason");
        driver.sign("kjj", work);
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_SUBMIT)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("resultSummary");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, "finish")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND,
                REQUESTED_DEADLINE, "2026-12-05", EXTENSION_REASON, "x")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("requestedDeadline");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "含\u0000字")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("progressNote");
        driver.submit("kjj", work);
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(ACCEPTED, true)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("qualityRating");
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(ACCEPTED, true, QUALITY_RATING, 6)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("qualityRating");
        assertThat(work).isWaitingAt("Task_ReviewResult");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndItsClockARefusedOneNothing() {
        issue("", "none");
        driver.sign("kjj", work);
        assertThat(clock().getDuedate()).as("first: the yellow light").isEqualTo(at("2026-12-07T09:00:00+08:00"));
        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-17",
                EXTENSION_REASON, "需协调省级部门"));
        assertThat(work).isWaitingAt("Task_DecideExtension");
        assertThat(part("status")).isEqualTo("EXTENSION_REQUESTED");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("supervisors");
        driver.complete("supervisor", work, Map.of(EXTENSION_APPROVED, true, DECISION_COMMENT, "同意"));

        assertThat(work).isWaitingAt("Task_HandleDirective");
        assertThat(part("deadline")).isEqualTo("2026-12-17");
        assertThat(part("original_deadline")).isEqualTo("2026-12-10");
        assertThat(part("extension_count")).isEqualTo("1");
        assertThat(clock().getDuedate()).as("yellow three working days before the new deadline")
                .isEqualTo(at("2026-12-14T09:00:00+08:00"));
        assertThat(BpmnAwareTests.task(work).getDueDate()).isEqualTo(at("2026-12-17T23:59:59+08:00"));

        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-24", EXTENSION_REASON, "再延"));
        driver.complete("supervisor", work, Map.of(EXTENSION_APPROVED, false, DECISION_COMMENT, "请按期完成"));
        assertThat(part("deadline")).isEqualTo("2026-12-17");
        assertThat(part("status")).isEqualTo("HANDLING");
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .as("the refusal's reason is on the next 办理").contains("延期申请未获同意", "请按期完成");
        assertThat(events()).contains("EXTENSION_APPROVED", "EXTENSION_REFUSED");
    }

    @Test
    void aReturnedResultComesBackWithItsReasonAndCountsAsRework() {
        issue("", "none");
        driver.sign("kjj", work);
        driver.submit("kjj", work);
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .as("the reviewer reads the result once, as one sentence")
                .contains("> **办理结果**：已完成，详见报告；按期提交", "办结申请：办理结果：已完成，详见报告；按期提交")
                .doesNotContain("办理结果**：办理结果", "。；");
        fireAt("2026-12-07T09:00:00+08:00");
        assertThat(events()).as("while the result is reviewed the unit's light does not turn").doesNotContain("TURNED_YELLOW");
        assertThat(clock().getDuedate()).as("nothing is due under review").isEqualTo(at("9999-12-31T00:00:00+08:00"));
        driver.returnForRework(work);
        assertThat(work).isWaitingAt("Task_HandleDirective");
        assertThat(clock().getDuedate()).as("back in handling, the clock is re-armed: the yellow light is due")
                .isEqualTo(at("2026-12-07T09:00:00+08:00"));
        assertThat(part("rework_count")).isEqualTo("1");
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .contains("退回重办理由", "材料不全，请补充");
        assertThatThrownBy(() -> driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_SUBMIT)))
                .as("the first result is not silently submitted again").isInstanceOf(FormFieldValidationException.class);
        driver.submit("kjj", work);
        assertThat(engine.getRuntimeService().getVariables(work.getId())).as("no earlier decision is kept to be reused")
                .doesNotContainKeys(ACCEPTED, QUALITY_RATING, REVIEW_COMMENT, OUTCOME, RESULT_SUMMARY);
        driver.accept(work, 4);
        assertThat(work).isEnded();
        // on time 40 + signed 10 + quality 40 − one rework 5
        assertThat(part("score")).startsWith("85");
    }

    @Test
    void notSignedWithinAWorkingDayIsUrgedOnce() {
        issue("", "none");
        Job signTimer = clock();
        assertThat(signTimer.getDuedate()).isEqualTo(at("2026-12-02T10:00:00+08:00"));
        ProcessDriver.clock("2026-12-02T10:00:01+08:00");
        driver.fire(signTimer);
        // the engine keeps no activity history (AuditHistoryLevel): the path is the fast tier's, the effect is here
        assertThat(work).isWaitingAt("Task_SignDirective");
        assertThat(events()).containsOnlyOnce("URGED");
        assertThat(part("urge_count")).isEqualTo("1");
        assertThat(clock().getDuedate()).as("urged, nothing more is due until it is signed")
                .isEqualTo(at("9999-12-31T00:00:00+08:00"));
        driver.fire(clock());
        assertThat(events()).as("a second firing urges no second time").containsOnlyOnce("URGED");
        ProcessDriver.clock("2026-12-03T11:00:00+08:00");
        driver.sign("kjj", work);
        assertThat(part("sign_late_days")).isEqualTo("1");
        assertThat(clock().getDuedate()).as("signed, the same clock turns to the yellow light")
                .isEqualTo(at("2026-12-07T09:00:00+08:00"));
    }

    @Test
    void theClockDoesEachSupervisionActionOnItsWorkingDayOnce() {
        issue("", "none");
        driver.sign("kjj", work);
        fireAt("2026-12-07T09:00:00+08:00");    // yellow
        fireAt("2026-12-09T09:00:00+08:00");    // reminder
        fireAt("2026-12-11T00:00:00+08:00");    // red, the first working day after the deadline
        fireAt("2026-12-11T09:00:00+08:00");    // Friday's urge
        assertThat(clock().getDuedate()).as("no urge on Saturday or Sunday").isEqualTo(at("2026-12-14T09:00:00+08:00"));
        fireAt("2026-12-14T09:00:00+08:00");    // Monday's urge
        fireAt("2026-12-15T09:00:00+08:00");    // Tuesday's urge, then …
        assertThat(clock().getDuedate()).as("… the escalation due at the same moment").isEqualTo(at("2026-12-15T09:00:00+08:00"));
        driver.fire(clock());
        assertThat(clock().getDuedate()).isEqualTo(at("2026-12-16T09:00:00+08:00"));

        assertThat(work).isWaitingAt("Task_HandleDirective", "Timer_NextSupervision");
        assertThat(events()).containsSubsequence("TURNED_YELLOW", "REMINDED", "TURNED_RED", "URGED", "URGED", "URGED",
                "ESCALATED");
        assertThat(part("urge_count")).isEqualTo("3");
        assertThat(part("escalated")).isIn("true", "TRUE", "t");
        assertThat(part("light")).isEqualTo("RED");
        assertThat(jdbc.queryForObject("SELECT details FROM directive_event WHERE directive_number = ? AND type = 'ESCALATED'",
                String.class, number)).contains("\"leader\":\"leader\"");

        // a wake-up with nothing due does nothing; a day's urge goes out once; a late result is late
        driver.fire(clock());
        assertThat(part("urge_count")).isEqualTo("3");
        fireAt("2026-12-16T09:00:00+08:00");
        assertThat(part("urge_count")).isEqualTo("4");
        driver.fire(clock());
        assertThat(part("urge_count")).as("not twice a day").isEqualTo("4");
        ProcessDriver.clock("2026-12-16T15:00:00+08:00");
        driver.submit("kjj", work);
        assertThat(part("late_days")).isEqualTo("4");
    }

    @Test
    void aReturnPastTheDeadlineDoesNotSignalTheSameDeadlineTwice() {
        issue("", "none");
        driver.sign("kjj", work);
        fireAt("2026-12-07T09:00:00+08:00");
        fireAt("2026-12-09T09:00:00+08:00");
        fireAt("2026-12-11T00:00:00+08:00");
        driver.submit("kjj", work);
        driver.returnForRework(work);
        assertThat(clock().getDuedate()).as("red was signalled already: next is the day's urge")
                .isEqualTo(at("2026-12-11T09:00:00+08:00"));
        assertThat(events().stream().filter("TURNED_RED"::equals).count()).isEqualTo(1);
    }

    @Test
    void aMissedProgressReportIsAnUrgeAndAReportedOneIsNot() {
        issue("", "weekly");
        driver.sign("kjj", work);
        ProcessDriver.clock("2026-12-05T10:00:00+08:00");
        assertThat(clock().getDuedate()).as("yellow comes first").isEqualTo(at("2026-12-07T09:00:00+08:00"));
        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_EXTEND, REQUESTED_DEADLINE, "2026-12-31", EXTENSION_REASON, "x"));
        driver.complete("supervisor", work, Map.of(EXTENSION_APPROVED, true));
        assertThat(clock().getDuedate()).as("the first report due five working days after signing")
                .isEqualTo(at("2026-12-08T17:30:00+08:00"));
        fireAt("2026-12-08T17:30:00+08:00");
        assertThat(part("urge_count")).isEqualTo("1");

        ProcessDriver.clock("2026-12-09T10:00:00+08:00");
        driver.complete("kjj", work, Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, "第二周进展"));
        assertThat(clock().getDuedate()).isEqualTo(at("2026-12-15T17:30:00+08:00"));
        fireAt("2026-12-15T17:30:00+08:00");
        assertThat(part("urge_count")).isEqualTo("1");
        assertThat(work).isWaitingAt("Task_HandleDirective");
        assertThat(events().stream().filter("URGED"::equals).count()).as("one urge for the missed report only").isEqualTo(1);
    }

    @Test
    void theOfficeUrgesAndTheUrgeIsKeptWithItsActor() {
        issue("", "none");
        assertThat(Http.basic(port, "supervisor", "demo").post("/api/directives/" + number + "/urges",
                "{\"department\":\"kjj\",\"note\":\"请尽快签收\"}").status()).isEqualTo(202);
        assertThat(part("urge_count")).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'URGED'",
                String.class, number)).isEqualTo("supervisor");
        assertThat(work).isWaitingAt("Task_SignDirective");
    }

    @Test
    void aUnitReturnsWhatIsNotItsBusinessAndTheOfficeReassignsIt() {
        issue("", "none");
        driver.complete("kjj", work, Map.of(SIGN_OUTCOME, SIGN_OUTCOME_RETURN, RETURN_REASON, "属于郑东新区职责"));
        assertThat(work).isWaitingAt("Task_DecideReassignment");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("supervisors");
        assertThat(part("status")).isEqualTo("RETURNED");
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(REASSIGN, true, NEW_UNIT, "nowhere")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("newUnit");
        ProcessDriver.clock("2026-12-01T15:00:00+08:00");
        driver.complete("supervisor", work, Map.of(REASSIGN, true, NEW_UNIT, "zdxq", REASSIGNMENT_COMMENT, "同意改派"));

        assertThat(work).isWaitingAt("Task_SignDirective");
        assertThat(clock().getDuedate()).as("the new unit signs within a working day of the reassignment")
                .isEqualTo(at("2026-12-02T15:00:00+08:00"));
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("dept-zdxq");
        assertThat(jdbc.queryForList("SELECT department FROM directive_department WHERE directive_number = ?",
                String.class, number)).containsExactly("zdxq");
        assertThat(jdbc.queryForObject("SELECT lead_department FROM directive WHERE number = ?", String.class, number))
                .as("the directive as issued keeps its lead").isEqualTo("kjj");
        driver.sign("zdxq", work);
        assertThat(events()).containsSubsequence("RETURNED", "REASSIGNED", "SIGNED");
        assertThat(jdbc.queryForObject("SELECT details FROM directive_event WHERE directive_number = ? AND type = 'REASSIGNED'",
                String.class, number)).contains("\"from\":\"kjj\"", "\"to\":\"zdxq\"");
    }

    @Test
    void theOfficeInsistsAndTheUnitSignsAfterAll() {
        issue("", "none");
        driver.complete("kjj", work, Map.of(SIGN_OUTCOME, SIGN_OUTCOME_RETURN, RETURN_REASON, "不属于本单位"));
        assertThatThrownBy(() -> driver.complete("supervisor", work, Map.of(REASSIGN, false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reassignmentComment");
        driver.complete("supervisor", work, Map.of(REASSIGN, false, REASSIGNMENT_COMMENT, "属于科技创新职责"));
        assertThat(work).isWaitingAt("Task_SignDirective");
        assertThat(BpmnAwareTests.task(work)).hasCandidateGroup("dept-kjj");
        assertThat(clock().getDuedate()).as("its signing deadline stands").isEqualTo(at("2026-12-02T10:00:00+08:00"));
        assertThat(engine.getTaskService().getVariableLocal(BpmnAwareTests.task(work).getId(), "brief").toString())
                .contains("退回申请未获同意", "属于科技创新职责");
        assertThat(part("return_count")).isEqualTo("1");
    }

    @Test
    void aWithdrawalEndsEveryRunningPart() {
        issue("zdxq", "none");
        driver.sign("kjj", work);
        assertThat(Http.basic(port, "leader", "demo").post("/api/directives/" + number + "/withdrawal",
                "{\"reason\":\"任务调整\"}").status()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
                .isZero();
        assertThat(jdbc.queryForList("SELECT status FROM directive_department WHERE directive_number = ?", String.class,
                number)).containsOnly("CANCELLED");
        assertThat(directive("status")).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT actor FROM directive_event WHERE directive_number = ? AND type = 'WITHDRAWN'",
                String.class, number)).isEqualTo("leader");
    }

    private Job clock() {
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(work.getId()).timers().list();
        assertThat(timers).as("one timer per part").hasSize(1);
        return timers.get(0);
    }

    private void fireAt(String iso) {
        assertThat(clock().getDuedate()).isEqualTo(at(iso));
        ProcessDriver.clock(OffsetDateTime.parse(iso).plusSeconds(1).toString());
        driver.fire(clock());
    }

    private String part(String column) {
        return String.valueOf(jdbc.queryForObject("SELECT " + column + " FROM directive_department WHERE directive_number = ? "
                + "AND department = 'kjj'", Object.class, number));
    }

    private String directive(String column) {
        return String.valueOf(jdbc.queryForObject("SELECT " + column + " FROM directive WHERE number = ?", Object.class,
                number));
    }

    private List<String> events() {
        return jdbc.queryForList("SELECT type FROM directive_event WHERE directive_number = ? ORDER BY id", String.class, number);
    }

    private static Date at(String iso) {
        return Date.from(OffsetDateTime.parse(iso).toInstant());
    }
}
