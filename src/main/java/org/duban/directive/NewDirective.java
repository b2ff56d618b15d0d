package org.duban.directive;

import java.time.LocalDate;
import java.util.List;

/** A directive as issued: validated, numbered, not yet in the read model. */
public record NewDirective(String number, String title, String instruction, String category, Priority priority,
        String leadDepartment, List<String> coDepartments, LocalDate deadline, ReportCycle reportCycle,
        String issuedBy, boolean draft) {

    public NewDirective withNumber(String newNumber) {
        return new NewDirective(newNumber, title, instruction, category, priority, leadDepartment, coDepartments,
                deadline, reportCycle, issuedBy, draft);
    }

    /** Lead first, then co-departments: the order of dispatch. */
    public List<String> departments() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(leadDepartment), coDepartments.stream()).toList();
    }
}
