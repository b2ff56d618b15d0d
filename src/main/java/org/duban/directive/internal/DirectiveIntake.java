package org.duban.directive.internal;

import java.util.List;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.NewDirective;
import org.springframework.stereotype.Component;

/** Turns the raw fields of a new directive into a valid, numbered one, or refuses them by field. */
@Component
public class DirectiveIntake {

    private final DirectiveRequestValidator validator;
    private final DirectiveNumbers numbers;
    private final WorkCalendar calendar;

    DirectiveIntake(DirectiveRequestValidator validator, DirectiveNumbers numbers, WorkCalendar calendar) {
        this.validator = validator;
        this.numbers = numbers;
        this.calendar = calendar;
    }

    public NewDirective accept(String title, String instruction, String category, String priority, String lead,
            List<String> coDepartments, String deadline, String reportCycle, String number, String issuedBy,
            boolean draft) {
        NewDirective directive = validator.validate(new DirectiveRequest(title, instruction, category, priority, lead,
                coDepartments, deadline, reportCycle), number, issuedBy, draft);
        return number != null ? directive : directive.withNumber(numbers.next(calendar.today().getYear()));
    }
}
