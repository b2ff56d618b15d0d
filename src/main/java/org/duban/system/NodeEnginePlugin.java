package org.duban.system;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Engine SPI, kept to this class: names the node in what the engine writes. The host name goes into
 * the job log ({@code HOSTNAME_}) and the metrics reporter; the job executor's lock owner (Camunda's
 * default is a bare UUID) starts with the node name, so Cockpit and a look at {@code ACT_RU_JOB} say
 * which node holds a job. The UUID part stays: a restarted node must not pass for its previous life.
 */
@Component
class NodeEnginePlugin extends AbstractProcessEnginePlugin {

    private final NodeName node;

    NodeEnginePlugin(NodeName node) {
        this.node = node;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(node.value());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(node.value() + "/" + UUID.randomUUID().toString().substring(0, 8));
        }
    }
}
