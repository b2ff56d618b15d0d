package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.Handling;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 登记延期决定: approved moves the part's deadline (and its supervision clock); refused keeps it. */
@Component
class RecordExtensionDecisionDelegate implements JavaDelegate {

    private final Handling handling;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordExtensionDecisionDelegate(Handling handling, PartContexts contexts, EngineAsSystem engine) {
        this.handling = handling;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handling.extensionDecided(contexts.of(execution.getProcessInstanceId()), engine.currentUser(),
                Boolean.TRUE.equals(execution.getVariable(EXTENSION_APPROVED)), Inputs.text(execution, DECISION_COMMENT));
        execution.removeVariables(List.of(EXTENSION_APPROVED, DECISION_COMMENT));
    }
}
