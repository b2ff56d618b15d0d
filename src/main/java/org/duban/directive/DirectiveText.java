package org.duban.directive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A directive's words and who may see it, for those who search directives by text (duplicate detection): its
 * title, instruction, lead unit, status, issue date, every unit holding a part, and whether it has reached them.
 */
public record DirectiveText(String number, String title, String instruction, String leadDepartment,
        DirectiveStatus status, LocalDate issuedOn, OffsetDateTime issuedAt, boolean dispatched, Set<String> units) {

    public DirectiveText {
        units = Set.copyOf(units);
    }
}
