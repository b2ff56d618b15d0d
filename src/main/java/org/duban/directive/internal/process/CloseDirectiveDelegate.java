package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Closing;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 办结归档: every part is done and scored. */
@Component
class CloseDirectiveDelegate implements JavaDelegate {

    private final Closing closing;
    private final PartContexts contexts;

    CloseDirectiveDelegate(Closing closing, PartContexts contexts) {
        this.closing = closing;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        closing.close(contexts.directiveOf(execution.getProcessInstanceId()));
    }
}
