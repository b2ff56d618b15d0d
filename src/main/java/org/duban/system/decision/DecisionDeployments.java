package org.duban.system.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Counts the deployments this node's engine has taken in or deleted (engine SPI, kept to this package), so that a
 * component which remembers "the latest version of a decision" knows when to ask again instead of asking in every
 * step. What another node deploys or deletes is not heard here: whoever remembers must also ask again after a while.
 */
@Component
public class DecisionDeployments extends AbstractProcessEnginePlugin {

    private final AtomicLong generation = new AtomicLong();

    /** Changes whenever this node's engine has deployed (or loaded into its cache) or deleted a deployment. */
    public long generation() {
        return generation.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> generation.incrementAndGet());
        configuration.setCustomPostDeployers(deployers);
        // no deployer hears a deletion; counted once the deleting command is over (committed or not: asking again
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
