package org.duban.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an attack could have changed, as comparable text: Duban's read model, its hash chain and outbox, and
 * the engine's tasks, variables, instances, jobs, comments, attachments, identity links and identities. Two snapshots
 * are equal when nothing changed.
 */
record EngineWorld(Map<String, List<String>> parts) {

    static EngineWorld of(ProcessEngine engine, JdbcTemplate jdbc) {
        Map<String, List<String>> parts = new TreeMap<>();
        parts.put("directive", rows(jdbc, "SELECT * FROM directive ORDER BY number"));
        parts.put("directive_department", rows(jdbc,
                "SELECT * FROM directive_department ORDER BY directive_number, department"));
        parts.put("hash chain", List.of(
                "events " + jdbc.queryForObject("SELECT COUNT(*) FROM directive_event", Long.class),
                "head " + jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class)));
        parts.put("outbox", List.of("messages " + jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Long.class)));

        List<Task> tasks = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
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
        parts.put("variables", engine.getRuntimeService().createVariableInstanceQuery().list().stream()
                .map(v -> v.getExecutionId() + " " + v.getName() + " " + v.getTypeName() + " " + v.getValue())
                .sorted().toList());
        parts.put("instances", engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                .map(p -> p.getId() + " " + p.getBusinessKey() + " " + p.getProcessDefinitionId() + " " + p.isSuspended())
                .sorted().toList());
        parts.put("executions", engine.getRuntimeService().createExecutionQuery().list().stream()
                .map(e -> e.getId() + " " + e.getProcessInstanceId() + " " + e.isSuspended()).sorted().toList());
        parts.put("jobs", engine.getManagementService().createJobQuery().list().stream()
                .map(j -> j.getId() + " " + j.getDuedate() + " " + j.getRetries() + " " + j.isSuspended() + " "
                        + j.getPriority() + " " + j.getExceptionMessage())
                .sorted().toList());
        parts.put("job definitions", engine.getManagementService().createJobDefinitionQuery().list().stream()
                .map(j -> j.getId() + " " + j.isSuspended() + " " + j.getOverridingJobPriority()).sorted().toList());
        parts.put("definitions", engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
                .map(d -> d.getId() + " " + d.isSuspended() + " " + d.getHistoryTimeToLive()).sorted().toList());
        parts.put("deployments", List.of("deployments " + engine.getRepositoryService().createDeploymentQuery().count()));
        parts.put("incidents", List.of("incidents " + engine.getRuntimeService().createIncidentQuery().count()));
        parts.put("identities", List.of(
                "users " + engine.getIdentityService().createUserQuery().list().stream().map(u -> u.getId() + ":"
                        + u.getFirstName() + ":" + u.getEmail()).sorted().collect(Collectors.joining(",")),
                "groups " + engine.getIdentityService().createGroupQuery().count(),
                "authorizations " + engine.getAuthorizationService().createAuthorizationQuery().count(),
                "filters " + engine.getFilterService().createFilterQuery().count(),
                "passwords and locks " + rows(jdbc, "SELECT id_, pwd_, attempts_, lock_exp_time_ FROM act_id_user ORDER BY id_")));
        return new EngineWorld(parts);
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql).stream().map(row -> new TreeMap<>(row).toString()).toList();
    }
}
