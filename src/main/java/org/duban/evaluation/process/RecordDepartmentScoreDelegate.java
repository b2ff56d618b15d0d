package org.duban.evaluation.process;

import static org.duban.directive.DirectiveVariables.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DepartmentScore;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * Keeps the result of department-score.dmn: the score, the weight of the department's role and the
 * points of every rule, so that anyone can see why a score is what it is (绩效自动生成).
 */
@Component
public class RecordDepartmentScoreDelegate implements JavaDelegate {

    /** The decision's outputs that explain the score, in the order people read them. */
    public static final String[] COMPONENTS = {"timelinessPoints", "signingPoints", "qualityPoints", "urgePoints",
            "reworkPoints", "extensionPoints"};

    private final DirectiveRecords records;
    private final Timeline timeline;
    private final ObjectMapper json;

    RecordDepartmentScoreDelegate(DirectiveRecords records, Timeline timeline, ObjectMapper json) {
        this.records = records;
        this.timeline = timeline;
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(SCORE_RESULT);
        Map<String, Object> components = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            components.put(component, ((Number) result.get(component)).intValue());
        }
        BigDecimal score = new BigDecimal(result.get("score").toString());
        BigDecimal weight = new BigDecimal(result.get("weight").toString());
        Integer rating = DepartmentPart.counter(execution, QUALITY_RATING);
        records.scored(part.number(), part.department(), new DepartmentScore(score, weight, write(components), rating));
        Map<String, Object> details = new LinkedHashMap<>(components);
        details.put("score", score);
        details.put("weight", weight);
        details.put("inputs", Map.of(ROLE, part.role(), LATE_DAYS, execution.getVariable(LATE_DAYS),
                SIGN_LATE_DAYS, execution.getVariable(SIGN_LATE_DAYS), URGE_COUNT, execution.getVariable(URGE_COUNT),
                REWORK_COUNT, execution.getVariable(REWORK_COUNT),
                APPROVED_EXTENSIONS, execution.getVariable(APPROVED_EXTENSIONS), QUALITY_RATING, rating));
        timeline.record(part.number(), part.department(), EventType.SCORED, null, details);
    }

    private String write(Map<String, Object> components) {
        try {
            return json.writeValueAsString(components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
