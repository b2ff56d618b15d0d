package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.Actor;
import org.duban.directive.DepartmentPart;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** 进度反馈: kept in the timeline; the handling task comes back for the next report or the result. */
@Component
public class RecordProgressDelegate implements JavaDelegate {

    private final Timeline timeline;
    private final WorkCalendar calendar;

    RecordProgressDelegate(Timeline timeline, WorkCalendar calendar) {
        this.timeline = timeline;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        timeline.record(part.number(), part.department(), EventType.PROGRESS_REPORTED, Actor.of(execution),
                Map.of("note", execution.getVariable(PROGRESS_NOTE)));
        execution.setVariable(LAST_PROGRESS_ON, calendar.today().toString());
        execution.removeVariable(OUTCOME);
        execution.removeVariable(PROGRESS_NOTE);
    }
}
