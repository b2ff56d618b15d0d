package org.duban.report.internal;

import org.duban.report.ReportKind;

import org.duban.calendar.WorkCalendar;

import java.util.Optional;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.report.ReportPeriod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Produces reports: once per kind and period from the timers, again on an administrator's request. */
@Component
public class Reports {

    /**
     * @param unchanged true when the content computed now equals what was stored before
     * @param created   true when there was no report for the period before
     */
    public record Regeneration(StoredReport report, boolean unchanged, boolean created) {}

    private final ReportBuilder builder;
    private final ReportStore store;
    private final ObjectMapper json;

    Reports(ReportBuilder builder, ReportStore store, ObjectMapper json) {
        this.builder = builder;
        this.store = store;
        this.json = json;
    }

    /**
     * Keeps the report of the period unless it exists already.
     *
     * @return false when it existed: nothing was written and nothing must be sent
     */
    public boolean generate(ReportPeriod period, String processInstanceId) {
        if (store.find(period.kind(), period.key()).isPresent()) {
            return false;
        }
        return store.insertOnce(period, write(builder.build(period)), null, processInstanceId);
    }

    /** The Beijing day a report of this kind was last written before {@code day}, if ever. */
    public Optional<LocalDate> lastGeneratedBefore(ReportKind kind, LocalDate day) {
        return store.lastGeneratedBefore(kind, day.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .map(at -> at.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate());
    }

    public boolean exists(ReportPeriod period) {
        return store.find(period.kind(), period.key()).isPresent();
    }

    /** Computes the report again as of its period's end and keeps it; it is not mailed again. */
    @Transactional
    public Regeneration regenerate(ReportPeriod period, String administrator) {
        String content = write(builder.build(period));
        StoredReport before = store.find(period.kind(), period.key()).orElse(null);
        if (before == null) {
            store.insertOnce(period, content, administrator, null);
        } else {
            store.replaceContent(period, content, administrator);
        }
        StoredReport after = store.find(period.kind(), period.key()).orElseThrow();
        return new Regeneration(after, before != null && before.content().equals(content), before == null);
    }

    public ReportContent read(StoredReport report) {
        try {
            return json.readValue(report.content(), ReportContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report " + report.kind() + " " + report.period() + " is not readable", e);
        }
    }

    private String write(ReportContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
