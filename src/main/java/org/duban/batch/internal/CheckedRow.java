package org.duban.batch.internal;

import java.util.List;

/**
 * One row as the preview shows it and as confirmation issues it: the values resolved (units with their names,
 * keys for category, priority and cycle), the working days to the deadline, and each problem at its cell.
 *
 * @param status      {@code valid}, {@code invalid}, {@code duplicate}; after confirmation {@code created}
 * @param duplicateOf the sheet row or the directive this row repeats, in words; null when none
 */
record CheckedRow(int row, String title, String instruction, Choice category, Choice priority, Unit lead,
        List<Unit> co, String deadline, Integer workingDays, Choice cycle, Choice leader, List<Problem> problems,
        String status, String duplicateOf, String duplicateNumber, String sameKey, String directiveNumber) {

    record Choice(String key, String label) {}

    record Unit(String code, String name) {}

    /** A problem at a cell: the column header, the cell address (e.g. G5), the reason in Chinese. */
    record Problem(String column, String cell, String message) {}

    static final String VALID = "valid";
    static final String INVALID = "invalid";
    static final String DUPLICATE = "duplicate";
    static final String CREATED = "created";

    CheckedRow withStatus(String status, String duplicateOf, String duplicateNumber) {
        return new CheckedRow(row, title, instruction, category, priority, lead, co, deadline, workingDays, cycle, leader,
                problems, status, duplicateOf, duplicateNumber, sameKey, directiveNumber);
    }

    CheckedRow created(String number) {
        return new CheckedRow(row, title, instruction, category, priority, lead, co, deadline, workingDays, cycle, leader,
                problems, CREATED, duplicateOf, duplicateNumber, sameKey, number);
    }

    CheckedRow withProblems(List<Problem> more) {
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new CheckedRow(row, title, instruction, category, priority, lead, co, deadline, workingDays, cycle, leader,
                all, all.isEmpty() ? status : INVALID, duplicateOf, duplicateNumber, sameKey, directiveNumber);
    }
}
