package org.duban.directive;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What the ledger (台账) is narrowed to. Every criterion is optional; {@code visibleDepartments}
 * null means the person sees every directive.
 *
 * @param leader    who issued the directive (交办人: the leader, or the office for a draft it wrote)
 * @param issuedFrom first day of the issuing period, inclusive
 * @param issuedTo   last day of the issuing period, inclusive
 * @param text       part of the title or the number
 * @param subtree    a unit and every unit below it: directives with a part anywhere in it (null: any)
 * @param atLevel    the units of one level (under {@code subtree} when both are given): directives with a part
 *                   held by one of them (null: any)
 */
public record LedgerFilter(DirectiveStatus status, Light light, String department, String category, String leader,
        LocalDate issuedFrom, LocalDate issuedTo, String text, Sort sort, boolean ascending,
        Collection<String> visibleDepartments, Collection<String> subtree, Collection<String> atLevel) {

    public LedgerFilter(DirectiveStatus status, Light light, String department, String category, String leader,
            LocalDate issuedFrom, LocalDate issuedTo, String text, Sort sort, boolean ascending,
            Collection<String> visibleDepartments) {
        this(status, light, department, category, leader, issuedFrom, issuedTo, text, sort, ascending,
                visibleDepartments, null, null);
    }

    /** The columns the ledger can be ordered by. */
    public enum Sort {
        ISSUED("d.issued_at", false), DEADLINE("d.deadline", false), NUMBER("d.number", false),
        SCORE("d.score", true),
        /** By urgency, not by name: red, yellow, green, then late and on-time results. */
        LIGHT("CASE d.light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'GREEN' THEN 2 WHEN 'DONE_LATE' THEN 3 "
                + "WHEN 'DONE' THEN 4 END", true),
        STATUS("d.status", false);

        private final String column;
        private final boolean nullable;

        Sort(String column, boolean nullable) {
            this.column = column;
            this.nullable = nullable;
        }

        /**
         * The ORDER BY term. Empty values go last either way; the clause is left off for columns
         * that are never empty, so that their index can serve the order.
         */
        public String orderBy(boolean ascending) {
            String direction = ascending ? " ASC" : " DESC";
            return column + direction + (nullable ? " NULLS LAST" : "");
        }
    }
}
