package org.duban.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.system.FieldProblem;
import org.junit.jupiter.api.Test;

/** A step's inputs come from its form; a body may carry those, as plain values, and nothing else. */
class StepContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theInputsOfAFormAreItsKeyedFieldsThatAreNotDisabled() throws IOException {
        FormInputs review = FormInputs.parse(Files.newInputStream(Path.of("bpmn/forms/review-result.form")));
        assertThat(review.fields().keySet()).containsExactlyInAnyOrder("accepted", "reviewComment", "qualityRating", "evidenceVerified");
        FormInputs sign = FormInputs.parse(Files.newInputStream(Path.of("bpmn/forms/sign-directive.form")));
        assertThat(sign.fields()).containsOnlyKeys("signOutcome", "returnReason");
    }

    @Test
    void groupsWithAPathAreOneVariableAndStructuredFieldsMayBeJson() throws IOException {
        FormInputs inputs = FormInputs.parse(new ByteArrayInputStream("""
                {"components":[
                  {"type":"group","path":"address","components":[{"key":"street","type":"textfield"}]},
                  {"type":"group","components":[{"key":"city","type":"textfield"},
                                                {"key":"shown","type":"textfield","disabled":true}]},
                  {"key":"tags","type":"taglist"},
                  {"key":"a.b","type":"textfield"},
                  {"type":"text","text":"no key"}]}
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(inputs.fields().keySet()).containsExactlyInAnyOrder("address", "city", "tags", "a");
        assertThat(inputs.isStructured("tags")).isTrue();
        assertThat(inputs.isStructured("city")).isFalse();
    }

    @Test
    void aBodyMayCarryOnlyTheFormsInputsAsPlainValues() throws IOException {
        FormInputs inputs = new FormInputs(java.util.Map.of("accepted", "radio", "reviewComment", "textarea"));
        assertThat(StepContract.checkTask(JSON.readTree("{}"), inputs)).isNull();
        assertThat(StepContract.checkTask(JSON.readTree("""
                {"variables":{"accepted":{"value":true,"type":"Boolean"},"reviewComment":{"value":"好"}},
                 "withVariablesInReturn":true}"""), inputs)).isNull();

        Refusal forged = StepContract.checkTask(JSON.readTree("""
                {"variables":{"accepted":{"value":true},"urgeCount":{"value":0},"role":{"value":"lead"}}}"""), inputs);
        assertThat(forged.status().value()).isEqualTo(400);
        assertThat(forged.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder("urgeCount", "role");
        assertThat(forged.message()).doesNotContain("urgeCount");

        assertThat(StepContract.checkTask(JSON.readTree("""
                {"variables":{"reviewComment":{"value":"x","type":"Object","valueInfo":{"objectTypeName":"java.util.Date"}}}}"""),
                inputs).errors()).extracting(FieldProblem::field).containsExactly("reviewComment");
        assertThat(StepContract.checkTask(JSON.readTree("{\"variables\":{\"accepted\":true}}"), inputs)).isNotNull();
        assertThat(StepContract.checkTask(JSON.readTree("{\"variables\":[]}"), inputs).type()).isEqualTo("malformed-request");
        assertThat(StepContract.checkTask(JSON.readTree("[1]"), inputs).type()).isEqualTo("malformed-request");
        assertThat(StepContract.checkTask(JSON.missingNode(), inputs).type()).isEqualTo("malformed-request");
    }

    @Test
    void aStartTakesNoBusinessKeyNoInstructionsAndSkipsNothing() throws IOException {
        FormInputs inputs = new FormInputs(java.util.Map.of("title", "textfield"));
        assertThat(StepContract.checkStart(JSON.readTree("{\"variables\":{\"title\":{\"value\":\"t\"}},\"businessKey\":null}"),
                inputs)).isNull();
        assertThat(StepContract.checkStart(JSON.readTree("{\"businessKey\":\"DB-2026-0001\"}"), inputs).errors())
                .extracting(FieldProblem::field).containsExactly("businessKey");
        assertThat(StepContract.checkStart(JSON.readTree("""
                {"startInstructions":[{"type":"startBeforeActivity","activityId":"Task_Dispatch"}],
                 "skipCustomListeners":true,"skipIoMappings":false}"""), inputs).errors())
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("startInstructions", "skipCustomListeners");
    }
}
