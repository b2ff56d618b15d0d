package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Review;
import org.springframework.stereotype.Component;

/** 绩效评分: department-score.dmn on the part's recorded facts (the business rule task of the model). */
@Component
class ScorePartDelegate implements JavaDelegate {

    private final Review review;
    private final PartContexts contexts;

    ScorePartDelegate(Review review, PartContexts contexts) {
        this.review = review;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.score(contexts.of(execution.getProcessInstanceId()));
    }
}
