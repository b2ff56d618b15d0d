package org.duban.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directive as issued and validated, before it has a number: who issued it (a leader, or the office whose
 * draft a leader approves) and the units it goes to, lead first.
 */
public record NewDirective(String title, String instruction, String category, Priority priority,
        String leadDepartment, List<String> coDepartments, LocalDate deadline, ReportCycle reportCycle,
        String issuedBy, boolean draft) {

    public NewDirective {
        coDepartments = List.copyOf(coDepartments);
    }

    /** Lead first, then co-units: the order of dispatch. */
    public List<String> departments() {
        return Stream.concat(Stream.of(leadDepartment), coDepartments.stream()).toList();
    }
}
