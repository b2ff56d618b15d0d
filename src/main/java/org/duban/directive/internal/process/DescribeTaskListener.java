package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.internal.DirectiveStore;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.PartStore;
import org.duban.directive.internal.TaskBriefs;
import org.springframework.stereotype.Component;

/**
 * On every user task's creation: a name that says what the task is about (step · number title · unit), and
 * the brief its form shows ({@code brief}, local to the task: display only, never read back by any step).
 */
@Component
class DescribeTaskListener implements TaskListener {

    static final String BRIEF = "brief";

    private final PartStore parts;
    private final DirectiveStore directives;
    private final PartContexts contexts;
    private final TaskBriefs briefs;

    DescribeTaskListener(PartStore parts, DirectiveStore directives, PartContexts contexts, TaskBriefs briefs) {
        this.parts = parts;
        this.directives = directives;
        this.contexts = contexts;
        this.briefs = briefs;
    }

    @Override
    public void notify(DelegateTask task) {
        String step = task.getName();
        String instance = task.getProcessInstanceId();
        if (parts.byInstance(instance).isPresent()) {
            var c = contexts.of(instance);
            task.setName(briefs.name(step, c.directive(), c.part()));
            task.setVariableLocal(BRIEF, briefs.ofPart(c.directive(), c.part()));
        } else {
            directives.byInstance(instance).ifPresent(d -> {
                task.setName(briefs.name(step, d, null));
                task.setVariableLocal(BRIEF, briefs.ofDirective(d));
            });
        }
    }
}
