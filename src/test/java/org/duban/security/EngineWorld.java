package org.duban.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an attack on some directives could have changed, as comparable text: Duban's read model of those
 * directives and how many there are, the hash chain, their mail, and the engine's tasks, variables, instances and jobs
 * of their processes, with their comments, attachments and identity links; the housekeeping jobs, definitions,
 * deployments and identities of the whole engine. Two snapshots are equal when nothing changed. Scoped to the
 * directives attacked because other tests of the same application context leave work of their own that timers and
 * schedulers move on.
 */
record EngineWorld(Map<String, List<String>> parts) {

    static EngineWorld of(ProcessEngine engine, JdbcTemplate jdbc, List<String> numbers) {
        Map<String, List<String>> parts = new TreeMap<>();
        String in = numbers.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "(", ")"));
        parts.put("directive", rows(jdbc, "SELECT * FROM directive WHERE number IN " + in + " ORDER BY number"));
        parts.put("directive_department", rows(jdbc, "SELECT * FROM directive_department WHERE directive_number IN " + in
                + " ORDER BY directive_number, department"));
        parts.put("read model size", List.of(
                "directives " + jdbc.queryForObject("SELECT COUNT(*) FROM directive", Long.class),
                "parts " + jdbc.queryForObject("SELECT COUNT(*) FROM directive_department", Long.class)));
        parts.put("hash chain", List.of(
                "events " + jdbc.queryForObject("SELECT COUNT(*) FROM directive_event", Long.class),
                "head " + jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class)));
        parts.put("outbox", rows(jdbc, "SELECT id, directive_number, kind FROM notification_outbox WHERE directive_number IN "
                + in + " ORDER BY id"));

        Set<String> instances = new java.util.TreeSet<>();
        for (String number : numbers) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                    .map(ProcessInstance::getId).forEach(instances::add);
        }
        List<Task> tasks = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<String> executions = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (String instance : instances) {
            tasks.addAll(engine.getTaskService().createTaskQuery().processInstanceId(instance).list());
            engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance).list().forEach(v ->
                    variables.add(v.getExecutionId() + " " + v.getName() + " " + v.getTypeName() + " " + v.getValue()));
            engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).list().forEach(e ->
                    executions.add(e.getId() + " " + e.getProcessInstanceId() + " " + e.isSuspended()));
            engine.getManagementService().createJobQuery().processInstanceId(instance).list().forEach(j -> jobs.add(job(j)));
        }
        engine.getManagementService().createJobQuery().list().stream().filter(j -> j.getProcessDefinitionId() == null)
                .forEach(j -> jobs.add("housekeeping " + job(j)));
        tasks.sort(java.util.Comparator.comparing(Task::getId));
        parts.put("tasks", tasks.stream().map(t -> String.join("|", t.getId(), t.getTaskDefinitionKey(),
                String.valueOf(t.getAssignee()), String.valueOf(t.getOwner()), String.valueOf(t.getDelegationState()),
                t.getName(), String.valueOf(t.getDueDate()), String.valueOf(t.getFollowUpDate()),
                String.valueOf(t.getPriority()), String.valueOf(t.isSuspended()))).toList());
        List<String> taskDetails = new ArrayList<>();
        for (Task task : tasks) {
            engine.getTaskService().getIdentityLinksForTask(task.getId()).forEach(link -> taskDetails.add(task.getId()
                    + " link " + link.getType() + " " + link.getUserId() + " " + link.getGroupId()));
            taskDetails.add(task.getId() + " comments " + engine.getTaskService().getTaskComments(task.getId()).size());
            taskDetails.add(task.getId() + " attachments " + engine.getTaskService().getTaskAttachments(task.getId()).size());
            taskDetails.add(task.getId() + " local " + new TreeMap<>(engine.getTaskService().getVariablesLocal(task.getId())));
        }
        parts.put("task details", taskDetails);
        parts.put("variables", variables.stream().sorted().toList());
        parts.put("instances", instances.stream().map(id -> {
            ProcessInstance p = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
            return p.getId() + " " + p.getBusinessKey() + " " + p.getProcessDefinitionId() + " " + p.isSuspended();
        }).toList());
        parts.put("executions", executions.stream().sorted().toList());
        parts.put("jobs", jobs.stream().sorted().toList());
        parts.put("job definitions", engine.getManagementService().createJobDefinitionQuery().list().stream()
                .map(j -> j.getId() + " " + j.isSuspended() + " " + j.getOverridingJobPriority()).sorted().toList());
        parts.put("definitions", engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
                .map(d -> d.getId() + " " + d.isSuspended() + " " + d.getHistoryTimeToLive()).sorted().toList());
        parts.put("deployments", List.of("deployments " + engine.getRepositoryService().createDeploymentQuery().count()));
        parts.put("identities", List.of(
                "users " + engine.getIdentityService().createUserQuery().list().stream().map(u -> u.getId() + ":"
                        + u.getFirstName() + ":" + u.getEmail()).sorted().collect(Collectors.joining(",")),
                "groups " + engine.getIdentityService().createGroupQuery().count(),
                "authorizations " + engine.getAuthorizationService().createAuthorizationQuery().count(),
                "filters " + engine.getFilterService().createFilterQuery().count(),
                "passwords and locks " + rows(jdbc, "SELECT id_, pwd_, attempts_, lock_exp_time_ FROM act_id_user ORDER BY id_")));
        return new EngineWorld(parts);
    }

    private static String job(org.camunda.bpm.engine.runtime.Job j) {
        return j.getId() + " " + j.getDuedate() + " " + j.getRetries() + " " + j.isSuspended() + " " + j.getPriority() + " "
                + j.getExceptionMessage();
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql).stream().map(row -> new TreeMap<>(row).toString()).toList();
    }
}
