package org.duban.directive.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.directive.PartRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 主办汇总: when a co-unit reports or submits, the lead's open tasks of that directive get their brief written again,
 * so the lead reads the co-unit's result where it works (its Tasklist form) and can quote it. After the co-unit's step
 * committed: the brief reads the timeline, whose new event is in only then.
 */
@Component
class LeadBriefRefresh {

    private final PartStore parts;
    private final DirectiveStore directives;
    private final TaskBriefs briefs;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final EngineAsSystem engine;

    LeadBriefRefresh(PartStore parts, DirectiveStore directives, TaskBriefs briefs, TaskService tasks,
            PlatformTransactionManager transactions, EngineAsSystem engine) {
        this.engine = engine;
        this.parts = parts;
        this.directives = directives;
        this.briefs = briefs;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactions);
    }

    void afterCoStep(PartContext c) {
        if (c.part().role() != PartRole.CO || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        String number = c.number();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // the lead's tasks are not the co-unit's person's to write: Duban writes them
                engine.run(() -> transaction.executeWithoutResult(status -> refresh(number)));
            }
        });
    }

    private void refresh(String number) {
        DirectiveRow directive = directives.find(number).orElseThrow();
        parts.of(number).stream().filter(p -> p.role() == PartRole.LEAD && p.processInstanceId() != null)
                .forEach(lead -> {
                    for (Task task : tasks.createTaskQuery().processInstanceId(lead.processInstanceId()).list()) {
                        tasks.setVariableLocal(task.getId(), "brief", briefs.ofPart(directive, lead));
                    }
                });
    }
}
