package org.duban.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directive as issued and validated, before it has a number: who issued it (a leader, or the office whose
 * draft a leader approves), the units it goes to, lead first, and the units below them it reaches at once
 * (一键直达 down the tree: "every street of 郑东新区"), each under the part of the unit above it.
 */
public record NewDirective(String title, String instruction, String category, Priority priority,
        String leadDepartment, List<String> coDepartments, LocalDate deadline, ReportCycle reportCycle,
        String issuedBy, boolean draft, List<SubPart> subParts, List<Target> targets, String followUpOf) {

    /** A unit reached below another unit of the directive: its part hangs under {@code parentUnit}'s. */
    public record SubPart(String unit, String parentUnit) {}

    /** How the issuer named units by the tree: every unit of {@code level}, under {@code under} or city-wide. */
    public record Target(String under, String level, List<String> units) {

        public Target {
            units = List.copyOf(units);
        }
    }

    public NewDirective {
        coDepartments = List.copyOf(coDepartments);
        subParts = List.copyOf(subParts);
        targets = List.copyOf(targets);
    }

    /** A directive that follows up no earlier one. */
    public NewDirective(String title, String instruction, String category, Priority priority, String leadDepartment,
            List<String> coDepartments, LocalDate deadline, ReportCycle reportCycle, String issuedBy, boolean draft,
            List<SubPart> subParts, List<Target> targets) {
        this(title, instruction, category, priority, leadDepartment, coDepartments, deadline, reportCycle, issuedBy, draft,
                subParts, targets, null);
    }

    public NewDirective(String title, String instruction, String category, Priority priority, String leadDepartment,
            List<String> coDepartments, LocalDate deadline, ReportCycle reportCycle, String issuedBy, boolean draft) {
        this(title, instruction, category, priority, leadDepartment, coDepartments, deadline, reportCycle, issuedBy, draft,
                List.of(), List.of());
    }

    /** Lead first, then co-units: the units the directive itself goes to. */
    public List<String> departments() {
        return Stream.concat(Stream.of(leadDepartment), coDepartments.stream()).toList();
    }

    /** Every unit the directive reaches, its own units first, then those below them. */
    public List<String> allUnits() {
        return Stream.concat(departments().stream(), subParts.stream().map(SubPart::unit)).toList();
    }
}
