package org.duban.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a model, remembered instead of asked in every step: Duban asked for the latest
 * version of its score decision in every score (a query the engine builds afresh each time: 60 % of the CPU of
 * evaluating the eight tables, in a JFR profile of the closed loop), for an answer that changes with a release or an
 * administrator's deployment. A remembered version is asked again after this node's engine deployed or deleted
 * anything (engine SPI, kept to this class), and at the latest after {@code duban.engine.definition-recheck}: what
 * another node deploys is not heard here, so a new version takes over on every node within that time (and a
 * deployment deleted on another node may still be asked for here until then: the step fails and is taken again).
 * A process started by key is not worth remembering: the engine's own look-up of the latest version is one plain
 * statement, and a start by id reads the definition's row all the same.
 */
@Component
public class LatestDefinitions extends AbstractProcessEnginePlugin {

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final long recheckNanos;

    /** What was read, at which deployment count of this node, and when (System.nanoTime). */
    private record Remembered(Object value, long generation, long readAt) {}

    LatestDefinitions(@Value("${duban.engine.definition-recheck:PT1M}") Duration recheck) {
        this.recheckNanos = recheck.toNanos();
    }

    /**
     * What {@code read} answers for {@code key} (e.g. the latest version's id), as remembered: read again when this
     * node deployed or deleted since, or the recheck interval passed. A null answer is not remembered.
     */
    @SuppressWarnings("unchecked")
    public <T> T latest(String key, Supplier<T> read) {
        long now = System.nanoTime();
        long deployed = generation.get();
        Remembered known = remembered.get(key);
        if (known != null && known.generation() == deployed && now - known.readAt() < recheckNanos) {
            return (T) known.value();
        }
        // the count read before the answer: a deployment meanwhile makes the next call ask again
        T value = read.get();
        if (value != null) {
            remembered.put(key, new Remembered(value, deployed, now));
        }
        return value;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        // run for every deployment this engine makes, and whenever it loads one into its cache again
        deployers.add(deployment -> generation.incrementAndGet());
        configuration.setCustomPostDeployers(deployers);
        // no deployer hears a deletion: counted once the deleting command is over (committed or not: asking again
        // costs one query)
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } finally {
                    if (command instanceof DeleteDeploymentCmd) {
                        generation.incrementAndGet();
                    }
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
