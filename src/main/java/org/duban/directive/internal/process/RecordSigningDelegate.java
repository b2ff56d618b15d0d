package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Signing;
import org.springframework.stereotype.Component;

/** 登记签收: signed, or returned as not the unit's business (退回/申请改派) with its reason. */
@Component
class RecordSigningDelegate implements JavaDelegate {

    private final Signing signing;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordSigningDelegate(Signing signing, PartContexts contexts, EngineAsSystem engine) {
        this.signing = signing;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var part = contexts.of(execution.getProcessInstanceId());
        if (SIGN_OUTCOME_RETURN.equals(execution.getVariable(SIGN_OUTCOME))) {
            signing.returned(part, engine.currentUser(), Inputs.text(execution, RETURN_REASON));
        } else {
            signing.signed(part, engine.currentUser());
        }
        execution.removeVariables(List.of(SIGN_OUTCOME, RETURN_REASON));
    }
}
