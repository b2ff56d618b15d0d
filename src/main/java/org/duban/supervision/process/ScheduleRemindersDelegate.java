package org.duban.supervision.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.BusinessTime;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveLights;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.ReportCycle;
import org.springframework.stereotype.Component;

/**
 * Arms the handling timers from the department's current deadline and the template's offsets for
 * the directive's priority, all in working days: yellow, reminder, red, daily urges while overdue,
 * escalation, and the first progress report due. Runs each time handling is (re-)entered.
 */
@Component
public class ScheduleRemindersDelegate implements JavaDelegate {

    public static final String PROGRESS_WINDOW_START = "progressWindowStart";

    private final DirectiveTemplates templates;
    private final WorkCalendar calendar;
    private final DirectiveLights lights;

    ScheduleRemindersDelegate(DirectiveTemplates templates, WorkCalendar calendar, DirectiveLights lights) {
        this.templates = templates;
        this.calendar = calendar;
        this.lights = lights;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        DirectiveTemplate.Offsets offsets = templates.forCategory(part.category()).offsets(part.priority());
        LocalDate deadline = part.deadline();
        execution.setVariable(DEADLINE_AT, BusinessTime.at(deadline, LocalTime.of(23, 59, 59)));
        // the timer and the stored light turn yellow by one rule
        execution.setVariable(YELLOW_AT, BusinessTime.morningOf(lights.yellowFrom(part.category(), part.priority().key(),
                deadline)));
        execution.setVariable(REMINDER_AT, BusinessTime.morningOf(calendar.plusWorkingDays(deadline, -offsets.reminderBefore())));
        // red the moment the deadline day is over
        execution.setVariable(RED_AT, BusinessTime.at(deadline.plusDays(1), LocalTime.MIDNIGHT));
        execution.setVariable(OVERDUE_URGE_CYCLE, "R/" + BusinessTime.morningOf(calendar.plusWorkingDays(deadline, 1)) + "/P1D");
        execution.setVariable(ESCALATE_AT, BusinessTime.morningOf(calendar.plusWorkingDays(deadline, offsets.escalateAfter())));
        execution.setVariable(REARM, false);
        ReportCycle cycle = ReportCycle.ofKey((String) execution.getVariable(REPORT_CYCLE)).orElse(ReportCycle.NONE);
        if (cycle != ReportCycle.NONE) {
            LocalDate today = calendar.today();
            execution.setVariable(PROGRESS_WINDOW_START, today.toString());
            execution.setVariable(PROGRESS_DUE_AT, BusinessTime.progressDueAt(cycle.nextDue(today, calendar)));
        }
    }
}
