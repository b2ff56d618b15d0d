package org.duban.system.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The remembered FEEL answers are the Scala engine's own, and only what depends on the remembered values is kept. */
class FeelMemoTest {

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();

    /** Counts what reaches the Scala engine. */
    private final class Counting implements FeelEngine {
        int expressions;
        int tests;

        @Override
        public <T> T evaluateSimpleExpression(String expression, org.camunda.bpm.engine.variable.context.VariableContext v) {
            expressions++;
            return scala.evaluateSimpleExpression(expression, v);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String input,
                org.camunda.bpm.engine.variable.context.VariableContext v) {
            tests++;
            return scala.evaluateSimpleUnaryTests(expression, input, v);
        }
    }

    @Test
    void theScoreDecisionGivesTheSameSheetForEveryCase() throws Exception {
        Counting counting = new Counting();
        FeelMemo memo = new FeelMemo(counting);
        DmnDecision plain = parse(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> memo);
        DmnEngine remembering = configuration.buildEngine();
        DmnDecision remembered = parse(remembering);
        DmnEngine plainEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

        Random random = new Random(7);
        List<String> roles = List.of("lead", "co", "sub");
        for (int i = 0; i < 400; i++) {
            VariableMap inputs = Variables.createVariables()
                    .putValue("role", roles.get(random.nextInt(3)))
                    .putValue("lateDays", random.nextInt(15) - 5)
                    .putValue("signLateDays", random.nextInt(5) - 1)
                    .putValue("urgeCount", random.nextInt(6))
                    .putValue("reworkCount", random.nextInt(4))
                    .putValue("approvedExtensions", random.nextInt(4))
                    .putValue("qualityRating", 1 + random.nextInt(5))
                    .putValue("subUnitCount", random.nextInt(3))
                    .putValue("subUnitsAverage", random.nextInt(3) == 0 ? 0.0 : 40 + random.nextInt(61) + 0.5);
            Map<String, Object> expected = plainEngine.evaluateDecision(plain, inputs).getSingleResult().getSingleEntry();
            Map<String, Object> actual = remembering.evaluateDecision(remembered, inputs).getSingleResult().getSingleEntry();
            assertThat(actual).as("case %d: %s", i, inputs).isEqualTo(expected);
        }
        // after 400 cases the rule tests and cells were answered from memory: the Scala engine saw far fewer calls
        // than the 400 evaluations of some sixty cells each asked
        assertThat(counting.tests + counting.expressions).isLessThan(2_000).isPositive();
        assertThat(memo.size()).isPositive().isLessThan(FeelMemo.CAPACITY);
    }

    @Test
    void anExpressionIsRememberedByTheValuesOfEveryNameItUses() {
        FeelMemo memo = new FeelMemo(scala);
        assertThat(memo.<Object>evaluateSimpleExpression("qualityRating * 10",
                Variables.createVariables().putValue("qualityRating", 3).asVariableContext())).isEqualTo(30L);
        assertThat(memo.<Object>evaluateSimpleExpression("qualityRating * 10",
                Variables.createVariables().putValue("qualityRating", 4).asVariableContext())).isEqualTo(40L);
        assertThat(memo.<Object>evaluateSimpleExpression("qualityRating * 10",
                Variables.createVariables().putValue("qualityRating", 3).asVariableContext())).isEqualTo(30L);
        // a test that names another variable depends on it as well as on the input
        assertThat(memo.evaluateSimpleUnaryTests("> limit", "cellInput",
                Variables.createVariables().putValue("cellInput", 5).putValue("limit", 3).asVariableContext())).isTrue();
        assertThat(memo.evaluateSimpleUnaryTests("> limit", "cellInput",
                Variables.createVariables().putValue("cellInput", 5).putValue("limit", 9).asVariableContext())).isFalse();
        assertThat(memo.size()).isEqualTo(4);
        // a context is handed out as a copy: changing one answer does not change the next
        memo.evaluateSimpleExpression("{score: max(0, a), weight: 2}",
                Variables.createVariables().putValue("a", 7).asVariableContext());
        java.util.Map<String, Object> sheet = memo.evaluateSimpleExpression("{score: max(0, a), weight: 2}",
                Variables.createVariables().putValue("a", 7).asVariableContext());
        sheet.put("score", 99L);
        assertThat(memo.<Object>evaluateSimpleExpression("{score: max(0, a), weight: 2}",
                Variables.createVariables().putValue("a", 7).asVariableContext()))
                .isEqualTo(java.util.Map.of("score", 7L, "weight", 2L));
    }

    @Test
    void whatMayDependOnMoreIsAskedEveryTime() {
        FeelMemo memo = new FeelMemo(scala);
        memo.evaluateSimpleExpression("now()", Variables.createVariables().asVariableContext());
        memo.evaluateSimpleExpression("string length(\"abc\")", Variables.createVariables().asVariableContext());
        // FEEL names may hold spaces, which this reading does not follow: beside such a name nothing is remembered
        assertThat(memo.<Object>evaluateSimpleExpression("x + 1", Variables.createVariables().putValue("x", 2)
                .putValue("late days", 2).asVariableContext())).isEqualTo(3L);
        memo.evaluateSimpleExpression("items", Variables.createVariables().putValue("items", List.of(1, 2)).asVariableContext());
        assertThat(memo.size()).isZero();
    }

    @Test
    void aRememberedNameFollowsItsValueAndType() {
        FeelMemo memo = new FeelMemo(scala);
        List<Object> answers = new ArrayList<>();
        for (Object value : List.of(3, 4, 3, "3", 3.5)) {
            answers.add(memo.evaluateSimpleExpression("lateDays",
                    Variables.createVariables().putValue("lateDays", value).asVariableContext()));
        }
        assertThat(answers).containsExactly(3L, 4L, 3L, "3", 3.5);
        assertThat(memo.evaluateSimpleUnaryTests("[2..3]", "cellInput",
                Variables.createVariables().putValue("cellInput", 3).asVariableContext())).isTrue();
        assertThat(memo.evaluateSimpleUnaryTests("[2..3]", "cellInput",
                Variables.createVariables().putValue("cellInput", 4).asVariableContext())).isFalse();
        assertThat(memo.evaluateSimpleUnaryTests("\"lead\"", "cellInput",
                Variables.createVariables().putValue("cellInput", "lead").asVariableContext())).isTrue();
        assertThat(memo.evaluateSimpleUnaryTests("\"lead\"", "cellInput",
                Variables.createVariables().putValue("cellInput", "co").asVariableContext())).isFalse();
    }

    @Test
    void aPlanNamesWhatTheAnswerDependsOn() {
        assertThat(FeelMemo.plan("<= 0", true)).isEqualTo(new FeelMemo.Plan(true, List.of()));
        assertThat(FeelMemo.plan("[2..3]", true).names()).isEmpty();
        assertThat(FeelMemo.plan("not(1, 2)", true).rememberable()).isTrue();
        assertThat(FeelMemo.plan("\"a \\\" limit\"", true).names()).isEmpty();
        assertThat(FeelMemo.plan("> limit", true).names()).containsExactly("limit");
        assertThat(FeelMemo.plan("decimal((subUnitsAverage - 100) * 0.3, 0)", false).names())
                .containsExactly("subUnitsAverage");
        assertThat(FeelMemo.plan("{score: max(0, a + b), weight: weight}", false).names())
                .containsExactly("a", "b", "weight");
        assertThat(FeelMemo.plan("date(\"2026-01-01\")", true).rememberable()).isFalse();
        assertThat(FeelMemo.plan("today() > x", false).rememberable()).isFalse();
        assertThat(FeelMemo.plan("`late days` + 1", false).rememberable()).isFalse();
        assertThat(FeelMemo.plan("\"unterminated", true).rememberable()).isFalse();
    }

    private static DmnDecision parse(DmnEngine engine) throws Exception {
        try (InputStream model = FeelMemoTest.class.getResourceAsStream("/bpmn/department-score.dmn")) {
            return engine.parseDecision("department-score", model);
        }
    }
}
