package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Review;
import org.springframework.stereotype.Component;

/** 办结: the part is done; the last of the directive's parts tells the directive. */
@Component
class FinishPartDelegate implements JavaDelegate {

    private final Review review;
    private final PartContexts contexts;

    FinishPartDelegate(Review review, PartContexts contexts) {
        this.review = review;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.finished(contexts.of(execution.getProcessInstanceId()));
    }
}
