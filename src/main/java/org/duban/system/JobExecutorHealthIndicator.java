package org.duban.system;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Timers (reminders, urges, lights, reports) fire only while the job executor runs: a node whose job
 * executor has stopped is not ready. It starts on the application-ready event, as readiness does.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl configuration;

    JobExecutorHealthIndicator(ProcessEngineConfigurationImpl configuration) {
        super("Job executor check failed");
        this.configuration = configuration;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        boolean active = jobExecutor != null && jobExecutor.isActive();
        (active ? builder.up() : builder.down()).withDetail("active", active);
        if (jobExecutor != null) {
            builder.withDetail("lockOwner", jobExecutor.getLockOwner())
                    .withDetail("lockTimeMillis", jobExecutor.getLockTimeInMillis())
                    .withDetail("maxJobsPerAcquisition", jobExecutor.getMaxJobsPerAcquisition())
                    .withDetail("hostname", configuration.getHostname());
        }
    }
}
