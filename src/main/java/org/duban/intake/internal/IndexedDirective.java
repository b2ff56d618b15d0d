package org.duban.intake.internal;

import java.time.LocalDate;
import java.util.Set;

import org.duban.directive.DirectiveStatus;

/**
 * What the intake index keeps of a directive: its text, lead unit, status, issue date and every unit holding a part
 * (who may see it), and whether it has reached its units (a draft has not).
 */
public record IndexedDirective(String number, String title, String instruction, String leadDepartment,
        DirectiveStatus status, LocalDate issuedOn, Set<String> units, boolean dispatched) {

    public IndexedDirective {
        units = Set.copyOf(units);
    }
}
