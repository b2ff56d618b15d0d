package org.duban.report.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.report.ReportKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of periodic-report.bpmn on a bare engine, its beans replaced: the daily timer on a day without a
 * report, a day with two kinds due (each generated and mailed), a kind already reported for its period (nothing
 * sent), and the start for a missed day.
 */
class PeriodicReportModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("engine-tier.cfg.xml")
            .build();

    /** What the fake plan answers, and what the fake steps did. */
    public static final class Plan {
        public List<String> due = List.of();
        public final List<String> generated = new ArrayList<>();
        public final List<String> mailed = new ArrayList<>();
        public boolean alreadyReported;

        public boolean anyDue(Object execution) {
            return !due.isEmpty();
        }

        public List<String> dueKinds(Object execution) {
            return due;
        }
    }

    /** The cron the deployment writes in; the fast tier evaluates the expression instead. */
    public static final class Schedule {
        public String getCron() {
            return "0 30 8 * * ?";
        }
    }

    Plan plan;
    ProcessEngine engine;
    String deployment;

    @BeforeEach
    void beans() {
        engine = extension.getProcessEngine();
        // the assertions ask this engine, not one a full-stack test in the same JVM registered before
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        plan = new Plan();
        Mocks.register("reportPlan", plan);
        Mocks.register("reportSchedule", new Schedule());
        Mocks.register("decideReportDayDelegate", (JavaDelegate) execution -> { });
        Mocks.register("generateReportDelegate", (JavaDelegate) execution -> {
            String kind = (String) execution.getVariable("reportKind");
            plan.generated.add(kind);
            execution.setVariableLocal("reportCreated", !plan.alreadyReported);
        });
        Mocks.register("mailReportDelegate", (JavaDelegate) execution -> plan.mailed.add((String) execution.getVariable("reportKind")));
        deployment = engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/periodic-report.bpmn")
                .deploy().getId();
    }

    @AfterEach
    void clean() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
    }

    @Test
    void theDailyTimerOnADayWithoutAReportEndsAtOnce() {
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).as("one daily timer from the cron").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("End_NothingDue").count())
                .isEqualTo(1);
        assertThat(plan.generated).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().timers().count()).as("the timer stays for tomorrow")
                .isEqualTo(1);
    }

    @Test
    void aDayWithTwoKindsDueGeneratesAndMailsEach() {
        plan.due = List.of("DAILY", "WEEKLY");
        ProcessInstance day = missed("2026-12-07");
        assertThat(day).isEnded().hasPassed("Task_DecideReportDay", "Task_GenerateReport", "Task_MailReport",
                "End_Reported", "End_AllReported");
        assertThat(plan.generated).containsExactly("DAILY", "WEEKLY");
        assertThat(plan.mailed).containsExactly("DAILY", "WEEKLY");
    }

    @Test
    void aKindAlreadyReportedForItsPeriodIsNotSentAgain() {
        plan.due = List.of("DAILY");
        plan.alreadyReported = true;
        ProcessInstance day = missed("2026-12-07");
        assertThat(day).isEnded().hasPassed("Task_GenerateReport", "End_AlreadyReported").hasNotPassed("Task_MailReport");
        assertThat(plan.mailed).isEmpty();
    }

    @Test
    void aMissedDayWithNothingDueEndsWithoutAReport() {
        ProcessInstance day = missed("2026-12-05");
        assertThat(day).isEnded().hasPassed("End_NothingDue").hasNotPassed("Task_GenerateReport");
    }

    private ProcessInstance missed(String day) {
        return engine.getRuntimeService().createMessageCorrelation(ReportKind.MESSAGE_MISSED).setVariable("reportDay", day)
                .correlateStartMessage();
    }
}
