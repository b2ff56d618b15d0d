package org.duban.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several application contexts live side by side in one test JVM, each with an engine named
 * "default". Camunda's REST API and webapps look the engine up by name in static registries, so
 * before each test the engine of that test's context is made the registered one.
 */
public class CurrentEngineListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        register(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }

    /** Makes {@code engine} the one Camunda's REST API and webapps find under its name. */
    public static void register(ProcessEngine engine) {
        if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
    }
}
