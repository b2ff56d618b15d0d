package org.duban.directive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The score decision's latest version is remembered between scores instead of looked up in every one: a version
 * deployed on this node must still score from the next step on, and a deleted one no longer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Tag("database")
class ScoreDecisionVersionIT {

    @Autowired
    ScoreDecision decision;
    @Autowired
    RepositoryService repository;

    @Test
    void theScoreDecisionInItsLatestVersionTheMomentOneIsDeployedOrDeleted() throws Exception {
        assertThat(decision.labels()).containsEntry("signingPoints", "签收时效得分");
        String model;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/department-score.dmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String deployment = repository.createDeployment().name("score-rule-change")
                .addString("department-score.dmn", model.replace("name=\"签收时效得分\"", "name=\"签收及时得分\""))
                .deploy().getId();
        try {
            // remembered a moment ago, yet the new version's wording is what the next score reads
            assertThat(decision.labels()).containsEntry("signingPoints", "签收及时得分");
            assertThat(decision.evaluate(inputs()).components()).containsKey("signingPoints");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(decision.labels()).containsEntry("signingPoints", "签收时效得分");
        assertThat(decision.evaluate(inputs()).components()).containsKey("signingPoints");
    }

    /** A lead unit's part signed a day late, on time otherwise, rated 4. */
    private static java.util.Map<String, Object> inputs() {
        java.util.Map<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("role", "lead");
        inputs.put("lateDays", 0);
        inputs.put("signLateDays", 1);
        inputs.put("urgeCount", 0);
        inputs.put("reworkCount", 0);
        inputs.put("approvedExtensions", 0);
        inputs.put("qualityRating", 4);
        inputs.put("subUnitCount", 0);
        inputs.put("subUnitsAverage", 0.0);
        return inputs;
    }
}
