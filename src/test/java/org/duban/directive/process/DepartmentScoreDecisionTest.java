package org.duban.directive.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** department-score.dmn against a table of cases worked out by hand: the DMN engine alone, no Spring, no database. */
class DepartmentScoreDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = DepartmentScoreDecisionTest.class.getResourceAsStream("/bpmn/department-score.dmn")) {
            decision = dmn.parseDecision("department-score", model);
        }
    }

    @ParameterizedTest(name = "{0} late {1} signLate {2} urges {3} rework {4} ext {5} rating {6} → {7}")
    @CsvSource({
            // role, late, signLate, urges, rework, ext, rating | score, timeliness, signing, quality, urge, rework, ext, weight
            "lead, -2, 0, 0, 0, 0, 5, 100, 40, 10, 50,   0,   0,  0, 2",   // early, perfect
            "co,    1, 1, 1, 1, 0, 4,  68, 30,  5, 40,  -2,  -5,  0, 1",   // 30+5+40-2-5
            "lead,  7, 2, 4, 2, 2, 1,   0,  0,  0, 10, -10, -10, -5, 2",   // -15 is held at 0
            "co,    0, 0, 2, 0, 1, 3,  73, 40, 10, 30,  -5,   0, -2, 1",   // 40+10+30-5-2
            "lead,  3, 0, 0, 0, 1, 5,  78, 20, 10, 50,   0,   0, -2, 2",   // 20+10+50-2
            "co,    5, 0, 3, 1, 0, 2,  30, 10, 10, 20,  -5,  -5,  0, 1"})  // 10+10+20-5-5
    void scoresAndExplainsEachCase(String role, int late, int signLate, int urges, int rework, int extensions, int rating,
            int score, int timeliness, int signing, int quality, int urge, int reworkPoints, int extensionPoints,
            double weight) {
        Map<String, Object> entries = evaluate(role, late, signLate, urges, rework, extensions, rating, 0, 0.0);
        assertThat(((Number) entries.get("score")).intValue()).isEqualTo(score);
        assertThat(((Number) entries.get("timelinessPoints")).intValue()).isEqualTo(timeliness);
        assertThat(((Number) entries.get("signingPoints")).intValue()).isEqualTo(signing);
        assertThat(((Number) entries.get("qualityPoints")).intValue()).isEqualTo(quality);
        assertThat(((Number) entries.get("urgePoints")).intValue()).isEqualTo(urge);
        assertThat(((Number) entries.get("reworkPoints")).intValue()).isEqualTo(reworkPoints);
        assertThat(((Number) entries.get("extensionPoints")).intValue()).isEqualTo(extensionPoints);
        assertThat(((Number) entries.get("subUnitsPoints")).intValue()).isZero();
        assertThat(((Number) entries.get("weight")).doubleValue()).isEqualTo(weight);
    }

    @ParameterizedTest(name = "{0} sub-units averaging {1} → {2} points, score {3}")
    @CsvSource({
            // sub-units, their average | points, score of an otherwise perfect lead part (100 before the roll-up)
            "0,   0.0,   0, 100",   // none passed down: nothing to roll up
            "2, 100.0,   0, 100",   // every sub-unit perfect
            "2,  80.0,  -6,  94",   // 20 short of full marks × 0.3
            "3,  71.7,  -8,  92",   // -8.49 rounds to -8
            "1,  30.0, -21,  79"})
    void aPartThatPassedWorkDownIsScoredWithItsSubUnits(int subUnits, double average, int points, int score) {
        Map<String, Object> entries = evaluate("lead", -1, 0, 0, 0, 0, 5, subUnits, average);
        assertThat(((Number) entries.get("subUnitsPoints")).intValue()).isEqualTo(points);
        assertThat(((Number) entries.get("score")).intValue()).isEqualTo(score);
    }

    @org.junit.jupiter.api.Test
    void aSubUnitIsWeightedLikeACoUnit() {
        assertThat(((Number) evaluate("sub", 0, 0, 0, 0, 0, 4, 0, 0.0).get("weight")).doubleValue()).isEqualTo(1.0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluate(String role, int late, int signLate, int urges, int rework, int extensions,
            int rating, int subUnits, double average) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(decision,
                Variables.createVariables().putValue("role", role).putValue("lateDays", late)
                        .putValue("signLateDays", signLate).putValue("urgeCount", urges).putValue("reworkCount", rework)
                        .putValue("approvedExtensions", extensions).putValue("qualityRating", rating)
                        .putValue("subUnitCount", subUnits).putValue("subUnitsAverage", average))
                .getSingleResult();
        return (Map<String, Object>) result.getSingleEntry();
    }

}
