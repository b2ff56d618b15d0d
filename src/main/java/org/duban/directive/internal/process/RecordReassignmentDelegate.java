package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Signing;
import org.springframework.stereotype.Component;

/** 登记改派决定: the part moves to the unit chosen, or stays with its unit, which signs after all. */
@Component
class RecordReassignmentDelegate implements JavaDelegate {

    private final Signing signing;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordReassignmentDelegate(Signing signing, PartContexts contexts, EngineAsSystem engine) {
        this.signing = signing;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var part = contexts.of(execution.getProcessInstanceId());
        String comment = Inputs.text(execution, REASSIGNMENT_COMMENT);
        if (Boolean.TRUE.equals(execution.getVariable(REASSIGN))) {
            signing.reassigned(part, engine.currentUser(), Inputs.text(execution, NEW_UNIT), comment);
        } else {
            signing.returnRefused(part, engine.currentUser(), comment);
        }
        execution.removeVariables(List.of(REASSIGN, NEW_UNIT, REASSIGNMENT_COMMENT));
    }
}
