package org.duban.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The inputs of each step, taken from the form the engine itself would show for it (the Camunda Form a task or
 * start event references, as deployed): so the contract follows the models, and changes when they do. A deployed
 * process definition never changes, so the inputs are cached per definition and task key.
 */
@Slf4j
@Component
class StepForms {

    private final FormService forms;
    private final Map<String, FormInputs> cache = new ConcurrentHashMap<>();

    StepForms(FormService forms) {
        this.forms = forms;
    }

    /** What completing the task may carry; call without an authenticated engine user. */
    FormInputs ofTask(Task task) {
        return cache.computeIfAbsent("task|" + task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(),
                key -> load(forms.getTaskFormData(task.getId()), () -> forms.getDeployedTaskForm(task.getId())));
    }

    /** What starting an instance of the definition may carry; call without an authenticated engine user. */
    FormInputs ofStart(String processDefinitionId) {
        return cache.computeIfAbsent("start|" + processDefinitionId,
                key -> load(forms.getStartFormData(processDefinitionId), () -> forms.getDeployedStartForm(processDefinitionId)));
    }

    private static FormInputs load(FormData data, java.util.function.Supplier<InputStream> deployed) {
        if (data == null) {
            return FormInputs.NONE;
        }
        if (data.getCamundaFormRef() != null) {
            try (InputStream form = deployed.get()) {
                return FormInputs.parse(form);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ProcessEngineException e) {
                log.warn("Deployed form of a step cannot be read; the step accepts no variables: {}", e.getMessage());
                return FormInputs.NONE;
            }
        }
        // a generated task form lists its fields; a step without any form takes no input
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (FormField field : data.getFormFields()) {
            fields.put(field.getId(), field.getTypeName() == null ? "" : field.getTypeName());
        }
        return new FormInputs(fields);
    }
}
