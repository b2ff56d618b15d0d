package org.duban.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues an already rendered report mail to each recipient through the notification outbox, in the caller's
 * transaction, so a report and its mail are kept together or not at all. The outbox's sender delivers it like any
 * other notification, with its retries.
 */
@Component
public class ReportMail {

    /** The outbox columns' limits; a longer mail would fail the insert and with it the report. */
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_TEXT = 20000;
    public static final int MAX_HTML = 40000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportMail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param kind       what the mail is, for the outbox and its admin view, e.g. {@code REPORT_DAILY}
     * @param recipients mail addresses; repeated ones get one mail
     * @return how many mails were queued
     */
    public int send(String kind, String subject, String text, String html, Collection<String> recipients) {
        if (subject.length() > MAX_SUBJECT || text.length() > MAX_TEXT || html.length() > MAX_HTML) {
            throw new IllegalArgumentException("A " + kind + " mail exceeds the outbox's limits");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Collection<String> to = new LinkedHashSet<>(recipients);
        // written like Outbox.enqueue (status PENDING, due now), without reaching into the module's internals
        to.forEach(recipient -> jdbc.update("INSERT INTO notification_outbox (kind, directive_number, recipient, "
                        + "subject, text_body, html_body, status, next_attempt_at, created_at) "
                        + "VALUES (?, NULL, ?, ?, ?, ?, 'PENDING', ?, ?)",
                kind, recipient, subject, text, html, now, now));
        return to.size();
    }
}
