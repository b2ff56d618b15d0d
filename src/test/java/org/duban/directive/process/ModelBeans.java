package org.duban.directive.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans the models name, replaced for the fast engine tier: each delegate and listener records that it ran
 * (and may change the fake record), the facts beans answer from a few fields the test sets.
 */
final class ModelBeans {

    /** What ran, in order: bean name, and for urges and signals the reason the model passed. */
    final List<String> calls = new ArrayList<>();

    private ModelBeans() {
    }

    static ModelBeans register(Map<String, Consumer<DelegateExecution>> delegates, List<String> listeners,
            Map<String, Object> facts) {
        ModelBeans beans = new ModelBeans();
        delegates.forEach((name, behaviour) -> Mocks.register(name, (JavaDelegate) execution -> {
            Object reason = execution.getVariableLocal("urgeReason");
            Object signal = execution.getVariableLocal("signal");
            beans.calls.add(name + (reason != null ? ":" + reason : signal != null ? ":" + signal : ""));
            behaviour.accept(execution);
        }));
        listeners.forEach(name -> Mocks.register(name, (TaskListener) task -> beans.calls.add(name + ":" + task.getEventName())));
        facts.forEach(Mocks::register);
        return beans;
    }

    static Date farAhead() {
        return Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z"));
    }
}
