package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.BusinessTime;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveTemplates;
import org.springframework.stereotype.Component;

/** A department has received its part: the counters start at zero and the signing clock runs. */
@Component
public class PrepareDepartmentWorkDelegate implements JavaDelegate {

    private final DirectiveTemplates templates;
    private final WorkCalendar calendar;
    private final Clock clock;

    PrepareDepartmentWorkDelegate(DirectiveTemplates templates, WorkCalendar calendar, Clock clock) {
        this.templates = templates;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate signDue = calendar.plusWorkingDays(now.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate(),
                templates.forCategory(part.category()).signWithinWorkingDays());
        execution.setVariable(SIGN_DUE_AT, BusinessTime.at(signDue, now.atZoneSameInstant(WorkCalendar.ZONE).toLocalTime()));
        execution.setVariable(URGE_COUNT, 0);
        execution.setVariable(REWORK_COUNT, 0);
        execution.setVariable(APPROVED_EXTENSIONS, 0);
    }
}
