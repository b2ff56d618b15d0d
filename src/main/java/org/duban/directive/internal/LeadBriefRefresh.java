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
@lombok.extern.slf4j.Slf4j
@Component
class LeadBriefRefresh implements org.springframework.beans.factory.DisposableBean {

    private final PartStore parts;
    private final DirectiveStore directives;
    private final TaskBriefs briefs;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final EngineAsSystem engine;
    private final java.util.Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService later =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "lead-brief-refresh");
                thread.setDaemon(true);
                return thread;
            });

    LeadBriefRefresh(PartStore parts, DirectiveStore directives, TaskBriefs briefs, TaskService tasks,
            PlatformTransactionManager transactions, EngineAsSystem engine) {
        this.engine = engine;
        this.parts = parts;
        this.directives = directives;
        this.briefs = briefs;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }

    void afterCoStep(PartContext c) {
        if (c.part().role() != PartRole.CO || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        String number = c.number();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // a moment later and once for a burst of reports: the co-units' own steps never wait on it or race it
                if (pending.add(number)) {
                    later.schedule(() -> {
                        pending.remove(number);
                        refreshQuietly(number);
                    }, 1, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        });
    }

    /**
     * The co-unit's step has committed: nothing here may fail it. Co-units reporting at the same moment write the same
     * brief, so a concurrent write is retried (each retry reads the newer timeline); a brief that still could not be
     * written is written again by the next report or when the lead's next task is created.
     */
    private void refreshQuietly(String number) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                // the lead's tasks are not the co-unit's person's to write: Duban writes them
                engine.run(() -> transaction.executeWithoutResult(status -> refresh(number)));
                return;
            } catch (RuntimeException concurrent) {
                // a write racing another, or the lead's task ending meanwhile (display only: never worth failing for)
                if (attempt == 3) {
                    log.info("Lead's brief of {} not refreshed now ({}); it is written again at the next report",
                            number, concurrent.getMessage());
                }
            }
        }
    }

    private void refresh(String number) {
        DirectiveRow directive = directives.find(number).orElseThrow();
        parts.of(number).stream().filter(p -> p.role() == PartRole.LEAD && p.processInstanceId() != null)
                .forEach(lead -> {
                    // the lead's 办理 only: once the lead has submitted, its reviewer's brief was written with the co-results
                    for (Task task : tasks.createTaskQuery().processInstanceId(lead.processInstanceId())
                            .taskDefinitionKey("Task_HandleDirective").list()) {
                        tasks.setVariableLocal(task.getId(), "brief", briefs.ofPart(directive, lead));
                    }
                });
    }
}
