package org.duban.report.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/periodic-report.bpmn with its timer's configured cron written into it. A timer start event takes
 * its cron when its model is deployed; with the cron in the deployed text, a changed {@code duban.reports.cron}
 * changes the resource, so the engine's duplicate filter deploys it again (replacing the timers) exactly when the
 * configuration changed, and leaves it alone otherwise.
 */
@Component
class ReportModelDeployment {

    /** Before {@link CatchUpMissedReports}, which must see the timers as configured. */
    static final int ORDER = 0;
    static final String RESOURCE = "bpmn/periodic-report.bpmn";
    static final String DEPLOYMENT = "duban-reports";

    private static final Logger log = LoggerFactory.getLogger(ReportModelDeployment.class);

    private final ReportSchedule schedule;
    private final RepositoryService repository;

    ReportModelDeployment(ReportSchedule schedule, RepositoryService repository) {
        this.schedule = schedule;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void atStartUp() {
        var deployment = repository.createDeployment().name(DEPLOYMENT).enableDuplicateFiltering(false)
                .addString("periodic-report.bpmn", withConfiguredCrons()).deploy();
        log.info("Report model with the configured timers: deployment {}", deployment.getId());
    }

    String withConfiguredCrons() {
        String model;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String placeholder = "${reportSchedule.cron}";
        if (!model.contains(placeholder)) {
            throw new IllegalStateException(RESOURCE + " has no timer " + placeholder);
        }
        return model.replace(placeholder, schedule.getCron());
    }
}
