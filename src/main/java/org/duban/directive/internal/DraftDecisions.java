package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.APPROVAL_COMMENT;
import static org.duban.directive.DirectiveVariables.APPROVED;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.directive.DirectiveStatus;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * 批量批示: one leader's decision on many of the office's drafts at once, as if taken on each draft's 领导批示 task —
 * the same task, the same validation and record, so each directive's trail shows the leader's decision.
 */
@Component
class DraftDecisions {

    static final String APPROVAL_TASK = "Task_ApproveDirective";

    private final DirectiveStore directives;
    private final TaskService tasks;
    private final IdentityService identity;

    DraftDecisions(DirectiveStore directives, TaskService tasks, IdentityService identity) {
        this.directives = directives;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Decides every draft among {@code numbers} still awaiting its 批示; answers the numbers decided. */
    List<String> decide(Collection<String> numbers, CurrentUser leader, boolean approved, String comment) {
        Map<String, String> numberOfInstance = new HashMap<>();
        for (String number : numbers) {
            directives.find(number).filter(d -> d.status() == DirectiveStatus.DRAFT && d.processInstanceId() != null)
                    .ifPresent(d -> numberOfInstance.put(d.processInstanceId(), number));
        }
        if (numberOfInstance.isEmpty()) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(numberOfInstance.keySet().toArray(String[]::new))
                .taskDefinitionKey(APPROVAL_TASK).list();
        Map<String, Object> decision = new HashMap<>();
        decision.put(APPROVED, approved);
        decision.put(APPROVAL_COMMENT, comment == null || comment.isBlank() ? null : comment.strip());
        // the leader completes each task: the engine checks the leader's right to it, the record names the leader
        identity.setAuthentication(leader.id(), List.copyOf(leader.groups()));
        try {
            for (Task task : open) {
                tasks.complete(task.getId(), decision);
            }
        } finally {
            identity.clearAuthentication();
        }
        return open.stream().map(t -> numberOfInstance.get(t.getProcessInstanceId())).toList();
    }
}
