package org.duban.report.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.report.ReportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A timer start event takes its cron when its model is deployed, and the application deploys a model only when
 * the file has changed: a new {@code duban.reports.*-cron} would be ignored. So at start-up a report model whose
 * timer runs on another cron than configured is deployed again; the engine then replaces that timer.
 */
@Component
class ApplyReportSchedule {

    /** Ordered before {@link CatchUpMissedReports}, which must see the timers as configured. */
    static final int ORDER = 0;
    static final String DEPLOYMENT_NAME = "duban-report-schedule";

    private static final Logger log = LoggerFactory.getLogger(ApplyReportSchedule.class);

    private final ReportSchedule schedule;
    private final ManagementService management;
    private final RepositoryService repository;

    ApplyReportSchedule(ReportSchedule schedule, ManagementService management, RepositoryService repository) {
        this.schedule = schedule;
        this.management = management;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void atStartUp() {
        for (ReportKind kind : ReportKind.values()) {
            String configured = schedule.cron(kind);
            String current = currentCron(kind);
            if (!configured.equals(current)) {
                log.info("The {} timer runs on '{}', configured is '{}': deploying {} again", kind.key(), current,
                        configured, kind.processKey());
                repository.createDeployment().name(DEPLOYMENT_NAME)
                        .addClasspathResource("bpmn/" + kind.processKey() + ".bpmn").deploy();
            }
        }
    }

    private String currentCron(ReportKind kind) {
        Job job = management.createJobQuery().processDefinitionKey(kind.processKey()).timers().list().stream()
                .findFirst().orElse(null);
        return job instanceof TimerEntity timer ? timer.getRepeat() : null;
    }
}
