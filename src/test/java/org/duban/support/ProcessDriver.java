package org.duban.support;

import static org.duban.directive.DirectiveVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives the directive processes through the Java API as the people would: each step is taken
 * with that person's authentication, so the timeline records the right actors.
 */
public final class ProcessDriver {

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    public static void clock(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoDateTime).toInstant()));
    }

    /**
     * Ten o'clock Beijing time today, with the clock still ticking. At night quiet hours hold routine
     * mail until seven, and the build may run at any hour; reset with {@link ClockUtil#reset()}.
     */
    /** The clock set to {@code isoDateTime} and ticking on from there; reset with {@link ClockUtil#reset()}. */
    public static void ticking(String isoDateTime) {
        ClockUtil.offset(OffsetDateTime.parse(isoDateTime).toInstant().toEpochMilli() - System.currentTimeMillis());
    }

    public static void officeHoursToday() {
        java.time.ZonedDateTime tenToday = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .with(java.time.LocalTime.of(10, 0));
        ClockUtil.offset(java.time.Duration.between(java.time.ZonedDateTime.now(), tenToday).toMillis());
    }

    /** Starts a directive as a leader (or, with a supervisor, as a draft) the way a Tasklist start form does. */
    public ProcessInstance issue(String user, String lead, String coDepartments, String deadline, String reportCycle) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, "推进政务服务一网通办");
        variables.put(INSTRUCTION, "请按期完成并报送办理结果。");
        variables.put(PRIORITY, "normal");
        variables.put(LEAD_DEPARTMENT, lead);
        variables.put(CO_DEPARTMENTS, coDepartments);
        variables.put(DEADLINE, deadline);
        variables.put(REPORT_CYCLE, reportCycle);
        return as(user, () -> engine.getRuntimeService().startProcessInstanceByKey(DIRECTIVE_PROCESS, variables));
    }

    /** The running department-work instance of one unit's part, as the read model binds it. */
    public ProcessInstance departmentWork(String number, String department) {
        String id = processInstanceOf(number, department);
        return id == null ? null : engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    public String processInstanceOf(String number, String department) {
        return new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration()).getDataSource()).queryForList(
                "SELECT process_instance_id FROM directive_department WHERE directive_number = ? AND department = ?",
                String.class, number, department).stream().findFirst().orElse(null);
    }

    public Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Completes the instance's open task, then runs the asynchronous continuations it left, as the job executor would. */
    public void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
        Task task = task(instance);
        as(user, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
        executeDueJobs();
    }

    public void sign(String user, ProcessInstance work) {
        complete(user, work, Map.of());
    }

    public void submit(String user, ProcessInstance work) {
        complete(user, work, Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, "已完成，详见报告。"));
    }

    public void accept(ProcessInstance work, int rating) {
        complete("supervisor", work, Map.of(ACCEPTED, true, QUALITY_RATING, rating, REVIEW_COMMENT, "同意"));
    }

    public void returnForRework(ProcessInstance work) {
        complete("supervisor", work, Map.of(ACCEPTED, false, REVIEW_COMMENT, "材料不全，请补充"));
    }

    public Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).timers().singleResult();
    }

    public void fire(Job job) {
        engine.getManagementService().executeJob(job.getId());
    }

    /** Runs every job that is due now (asynchronous continuations after the department parts). */
    public void executeDueJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    public <T> T as(String user, java.util.function.Supplier<T> action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId()).toList();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
