package org.duban.directive;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What the ledger (台账) is narrowed to. Every criterion is optional; {@code visibleDepartments}
 * null means the person sees every directive.
 *
 * @param leader    who issued the directive (交办领导)
 * @param issuedFrom first day of the issuing period, inclusive
 * @param issuedTo   last day of the issuing period, inclusive
 * @param text       part of the title or the number
 */
public record LedgerFilter(DirectiveStatus status, Light light, String department, String category, String leader,
        LocalDate issuedFrom, LocalDate issuedTo, String text, Sort sort, boolean ascending,
        Collection<String> visibleDepartments) {

    /** The columns the ledger can be ordered by. */
    public enum Sort {
        ISSUED("d.issued_at"), DEADLINE("d.deadline"), NUMBER("d.number"), SCORE("d.score"), LIGHT("d.light"),
        STATUS("d.status");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
