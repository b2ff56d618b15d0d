package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Closing;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 综合评分: the directive's score, its parts' scores weighted by role. */
@Component
class ScoreDirectiveDelegate implements JavaDelegate {

    private final Closing closing;
    private final PartContexts contexts;

    ScoreDirectiveDelegate(Closing closing, PartContexts contexts) {
        this.closing = closing;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        closing.score(contexts.directiveOf(execution.getProcessInstanceId()));
    }
}
