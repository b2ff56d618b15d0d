package org.duban.scorecard.internal;

import java.util.ArrayList;
import java.util.List;

import org.duban.organisation.Level;
import org.duban.organisation.Organisation;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;

/** Which units a scorecard lists: one level, under one unit; both optional, each refused by name when unknown. */
record ScorecardScope(Level level, String under) {

    static final ScorecardScope ALL = new ScorecardScope(null, null);

    static ScorecardScope parse(String level, String under, Organisation organisation) {
        List<FieldProblem> problems = new ArrayList<>();
        Level parsed = null;
        if (level != null && !level.isBlank()) {
            parsed = Level.ofKey(level.strip()).orElse(null);
            if (parsed == null) {
                problems.add(new FieldProblem("level", "层级“" + level + "”无效，可选 city、district、office、street、community、grid"));
            }
        }
        String unit = under == null || under.isBlank() ? null : under.strip();
        if (unit != null && organisation.department(unit).isEmpty()) {
            problems.add(new FieldProblem("under", "单位“" + under + "”不存在"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ScorecardScope(parsed, unit);
    }
}
