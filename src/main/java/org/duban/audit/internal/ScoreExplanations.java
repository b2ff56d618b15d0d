package org.duban.audit.internal;

import java.util.List;

import org.duban.directive.AuditRecord;
import org.duban.directive.Names;
import org.springframework.stereotype.Component;

/**
 * How each unit's score was computed: the facts department-score.dmn was evaluated on and each component's
 * points, both under the decision tables' own Chinese labels, as recorded (hash-chained) when the part was scored.
 */
@Component
class ScoreExplanations {

    record Explanation(String department, String departmentName, AuditRecord.Score score) {}

    private final AuditRecord record;
    private final Names names;

    ScoreExplanations(AuditRecord record, Names names) {
        this.record = record;
        this.names = names;
    }

    List<Explanation> of(String number) {
        return record.scoresOf(number).stream().map(s -> new Explanation(s.unit(), names.unit(s.unit()), s)).toList();
    }
}
