package org.duban.directive.internal;

import java.time.LocalDate;

import org.duban.calendar.WorkCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the stored lights on when the day changes: just after midnight, at start-up, and before
 * any read that finds them a day behind (a node that slept through midnight, or a test that moved
 * the clock). Each directive is refreshed in its own short transaction, and a part only if it is
 * unchanged since read, so several nodes doing it at once, or a process step meanwhile, do no harm.
 */
@Component
public class LightClock {

    private static final Logger log = LoggerFactory.getLogger(LightClock.class);

    private final Lights lights;
    private final WorkCalendar calendar;
    private final JdbcTemplate jdbc;
    private final EarlyWarning earlyWarning;
    private volatile LocalDate asOf;

    /** Off only where other tests move the clock and must not meet flags they did not ask for (pom.xml). */
    private final boolean dailyRiskPass;

    LightClock(Lights lights, WorkCalendar calendar, JdbcTemplate jdbc, EarlyWarning earlyWarning,
            @org.springframework.beans.factory.annotation.Value("${duban.early-warning.daily-pass:true}")
            boolean dailyRiskPass) {
        this.dailyRiskPass = dailyRiskPass;
        this.lights = lights;
        this.earlyWarning = earlyWarning;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /** Makes sure the stored lights are today's before a page or report reads them. */
    public void ensureCurrent() {
        LocalDate today = calendar.today();
        if (today.equals(asOf)) {
            return;
        }
        synchronized (this) {
            if (!today.equals(asOf)) {
                int changed = lights.refreshOpen();
                record(today);
                asOf = today;
                scanRisks();
                log.info("Traffic lights brought up to {}: {} directives changed light", today, changed);
            }
        }
    }

    /** The day the stored lights were last brought up to, as any node recorded it. */
    public LocalDate lightsAsOf() {
        return jdbc.queryForList("SELECT as_of FROM light_clock WHERE id = 1", LocalDate.class).stream().findFirst()
                .orElse(null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        ensureCurrent();
    }

    @Scheduled(cron = "5 0 0 * * *", zone = "Asia/Shanghai")
    void afterMidnight() {
        ensureCurrent();
    }

    /** Early warning reads the lights just moved (rule 5); a failing pass must not hold the lights back. */
    private void scanRisks() {
        if (!dailyRiskPass) {
            return;
        }
        try {
            earlyWarning.scan();
        } catch (RuntimeException e) {
            log.warn("Early-warning pass failed; the next day change or step retries it", e);
        }
    }

    private void record(LocalDate today) {
        // the row is seeded by the migration
        jdbc.update("UPDATE light_clock SET as_of = ? WHERE id = 1", today);
    }
}
