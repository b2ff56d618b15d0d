package org.duban.calendar.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import lombok.extern.slf4j.Slf4j;

import org.duban.calendar.CalendarYear;
import org.duban.calendar.WorkCalendar;
import org.duban.calendar.WorkCalendarChanged;
import org.duban.system.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a year's schedule without a restart: validated like the files, previewed, then stored with
 * its history and put in force on this node at once, and on every other node when it next polls the
 * calendar's version (every {@code duban.calendar.poll-interval}, 10 s by default). Only the node that
 * applied it publishes {@link WorkCalendarChanged}.
 */
@Slf4j
@Component
class CalendarLoading {

    private final CalendarSchedules schedules;
    private final WorkCalendar calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CalendarFileReader reader = new CalendarFileReader();
    private long seenVersion;

    CalendarLoading(CalendarSchedules schedules, WorkCalendar calendar, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.schedules = schedules;
        this.calendar = calendar;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.seenVersion = schedules.version();
    }

    /** What {@code content} would change; refused (400, field {@code content}) when it is not a valid schedule. */
    ScheduleChange preview(String content) {
        CalendarYear year = parse(content);
        return ScheduleChange.between(calendar.schedule(year.year()).orElse(null), year);
    }

    /**
     * Stores {@code content} as the schedule of {@code year} and puts it in force. An unchanged schedule
     * is not stored again and publishes nothing.
     */
    synchronized ScheduleChange apply(int expectedYear, String content, String admin) {
        CalendarYear year = parse(content);
        if (year.year() != expectedYear) {
            throw new InvalidRequestException("year", "内容中的年份 " + year.year() + " 与所选年份 " + expectedYear + " 不符");
        }
        return transaction.execute(status -> {
            ScheduleChange change = ScheduleChange.between(calendar.schedule(year.year()).orElse(null), year);
            if (change.unchanged()) {
                return change;
            }
            schedules.insert(year.year(), year.source(), content, admin, null, OffsetDateTime.now(clock), change.summary());
            Map<Integer, CalendarYear> years = new HashMap<>(inForce());
            years.put(year.year(), year);
            calendar.replaceYears(years);
            seenVersion = schedules.version();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome != STATUS_COMMITTED) {
                        reload();
                    }
                }
            });
            log.info("Working-day calendar: {} (loaded by {})", change.summary(), admin);
            // last, inside the transaction: listeners see the new calendar, transactional ones after the commit
            events.publishEvent(new WorkCalendarChanged(Set.of(year.year()), admin));
            return change;
        });
    }

    /** Another node loaded a schedule: put the stored ones in force here too. */
    @Scheduled(fixedDelayString = "${duban.calendar.poll-interval:PT10S}", initialDelayString = "${duban.calendar.poll-interval:PT10S}")
    synchronized void reloadIfChanged() {
        long version = schedules.version();
        if (version != seenVersion) {
            reload();
            log.info("Working-day calendar reloaded (version {}): years {}", version, calendar.configuredYears());
        }
    }

    private synchronized void reload() {
        seenVersion = schedules.version();
        calendar.replaceYears(inForce());
    }

    private Map<Integer, CalendarYear> inForce() {
        Map<Integer, CalendarYear> years = new HashMap<>();
        schedules.current().forEach((number, stored) -> years.put(number, parseStored(stored)));
        return years;
    }

    CalendarYear parseStored(CalendarSchedules.Stored stored) {
        return reader.read("calendar_schedule " + stored.id() + " (" + stored.year() + ")", stored.content());
    }

    private CalendarYear parse(String content) {
        try {
            return reader.read("loaded schedule", content);
        } catch (InvalidCalendarException e) {
            throw new InvalidRequestException("content", e.chinese());
        }
    }
}
