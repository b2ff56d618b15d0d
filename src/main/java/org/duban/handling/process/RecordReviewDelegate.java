package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** 审核: accepted goes on to scoring; returned goes back to handling and counts as rework. */
@Component
public class RecordReviewDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    RecordReviewDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        boolean accepted = Boolean.TRUE.equals(execution.getVariable(ACCEPTED));
        Map<String, Object> details = new HashMap<>();
        if (execution.getVariable(REVIEW_COMMENT) != null) {
            details.put("comment", execution.getVariable(REVIEW_COMMENT));
        }
        if (accepted) {
            details.put("qualityRating", execution.getVariable(QUALITY_RATING));
        } else {
            execution.setVariable(REWORK_COUNT, records.returnedForRework(part.number(), part.department()));
            // the next submission and the next review must each be made afresh
            execution.removeVariables(java.util.List.of(OUTCOME, RESULT_SUMMARY));
        }
        timeline.record(part.number(), part.department(),
                accepted ? EventType.ACCEPTED : EventType.RETURNED_FOR_REWORK, (String) execution.getVariable(REVIEWED_BY),
                details);
    }
}
