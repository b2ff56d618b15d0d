package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Review;
import org.springframework.stereotype.Component;

/** 登记审核结论: accepted with its quality rating goes on to scoring; returned goes back to handling. */
@Component
class RecordReviewDelegate implements JavaDelegate {

    private final Review review;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordReviewDelegate(Review review, PartContexts contexts, EngineAsSystem engine) {
        this.review = review;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var part = contexts.of(execution.getProcessInstanceId());
        String comment = Inputs.text(execution, REVIEW_COMMENT);
        if (Boolean.TRUE.equals(execution.getVariable(ACCEPTED))) {
            review.accepted(part, engine.currentUser(), ((Number) execution.getVariable(QUALITY_RATING)).intValue(),
                    comment, Boolean.TRUE.equals(execution.getVariable(EVIDENCE_VERIFIED)));
        } else {
            review.returned(part, engine.currentUser(), comment);
        }
        // the next review starts empty: an earlier decision must not be reused (or shown) by accident
        execution.removeVariables(List.of(ACCEPTED, QUALITY_RATING, REVIEW_COMMENT, EVIDENCE_VERIFIED));
    }
}
