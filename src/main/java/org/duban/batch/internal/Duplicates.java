package org.duban.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.duban.directive.DirectiveIntake;
import org.springframework.stereotype.Component;

/**
 * Exact duplicates by {@link DirectiveIntake#sameKey} (title folded, lead unit, deadline): a row repeating an earlier
 * row of the file, or a directive that already exists. Such a row is shown as 重复 and never issued.
 */
@Component
class Duplicates {

    private final DirectiveIntake intake;

    Duplicates(DirectiveIntake intake) {
        this.intake = intake;
    }

    List<CheckedRow> mark(List<CheckedRow> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<CheckedRow> inFile = new ArrayList<>();
        for (CheckedRow row : rows) {
            // only a row that can be issued counts as the original: a repeat of a faulty row is the one to issue
            Integer earlier = row.sameKey() == null || !row.status().equals(CheckedRow.VALID) ? null
                    : firstRow.putIfAbsent(row.sameKey(), row.row());
            inFile.add(earlier != null
                    ? row.withStatus(CheckedRow.DUPLICATE, "与本表第 " + earlier + " 行相同（事项名称、牵头单位、办结期限一致）", null)
                    : row);
        }
        Map<String, String> existing = existing(inFile);
        return inFile.stream().map(row -> row.status().equals(CheckedRow.VALID) && existing.containsKey(row.sameKey())
                ? row.withStatus(CheckedRow.DUPLICATE, "与已有督办事项 " + existing.get(row.sameKey())
                        + " 相同（事项名称、牵头单位、办结期限一致）", existing.get(row.sameKey()))
                : row).toList();
    }

    /** The directives that already have a key of these rows. */
    Map<String, String> existing(List<CheckedRow> rows) {
        List<LocalDate> deadlines = rows.stream().filter(r -> r.sameKey() != null).map(r -> LocalDate.parse(r.deadline()))
                .toList();
        if (deadlines.isEmpty()) {
            return Map.of();
        }
        return intake.existing(rows.stream().map(CheckedRow::sameKey).filter(Objects::nonNull).toList(),
                deadlines.stream().min(LocalDate::compareTo).orElseThrow(),
                deadlines.stream().max(LocalDate::compareTo).orElseThrow());
    }
}
