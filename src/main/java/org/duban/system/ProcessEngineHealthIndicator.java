package org.duban.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The engine answers a query of its own tables (Camunda's stock indicator only reports the engine's
 * name, which stays UP without a database). Part of readiness.
 */
@Component("processEngineHealthIndicator")
class ProcessEngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    ProcessEngineHealthIndicator(ProcessEngine engine) {
        super("Process engine check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        engine.getManagementService().getProperties();
        builder.up().withDetail("name", engine.getName());
    }
}
