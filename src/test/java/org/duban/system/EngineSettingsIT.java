package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.duban.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine settings of application.yaml that no screen shows are in force: the starter applies some of its own
 * after the generic properties, and a setting written in the wrong place is silently overridden (the revoke checks
 * were, until a profile of the closed loop showed every authenticated command asking for revokes).
 */
@DubanIntegrationTest
class EngineSettingsIT {

    @Autowired
    ProcessEngine engine;

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Test
    void noCommandAsksWhetherARevokeExistsForDubanGrantsOnly() {
        assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    }

    @Test
    void theEnginesEventsAreNotPublishedAsSpringEvents() {
        List<Object> hooks = new ArrayList<>();
        addAll(hooks, configuration().getCustomPreBPMNParseListeners());
        addAll(hooks, configuration().getCustomPostBPMNParseListeners());
        addAll(hooks, configuration().getCustomHistoryEventHandlers());
        assertThat(hooks).extracting(hook -> hook.getClass().getName())
                .noneMatch(name -> name.startsWith("org.camunda.bpm.spring.boot.starter.event."));
        // and the two that everything else rests on: Duban's history level, authorization on
        assertThat(configuration().getHistory()).isEqualTo("duban");
        assertThat(configuration().isAuthorizationEnabled()).isTrue();
    }

    @Test
    void everyCommandReadsVariablesThroughTheManagerThatSkipsNewTasks() {
        Object manager = configuration().getCommandExecutorTxRequired().execute(command -> command
                .getSession(VariableInstanceManager.class));
        assertThat(manager).isInstanceOf(NewTaskVariables.Manager.class);
    }

    private static void addAll(List<Object> into, List<?> from) {
        if (from != null) {
            into.addAll(from);
        }
    }
}
