package org.duban.evaluation.process;

import static org.duban.directive.DirectiveVariables.DIRECTIVE_NUMBER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentScore;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** The directive's score: its departments' scores weighted by role, the weights coming from the DMN. */
@Component
public class ScoreDirectiveDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    ScoreDirectiveDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        List<DepartmentScore> scores = records.scores(number);
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (DepartmentScore score : scores) {
            weighted = weighted.add(score.score().multiply(score.weight()));
            weights = weights.add(score.weight());
        }
        BigDecimal score = weights.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weights, 1, RoundingMode.HALF_UP);
        records.directiveScore(number, score);
        timeline.record(number, null, EventType.SCORED, null, Map.of("score", score, "departments", scores.size()));
    }
}
