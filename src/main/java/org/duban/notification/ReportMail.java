package org.duban.notification;

import java.util.Collection;

/**
 * Queues an already rendered report mail to each recipient through the notification outbox, in the
 * caller's transaction, so a report and its mail are kept together or not at all. The outbox's
 * sender delivers it like any other notification, with its retries and quiet hours.
 */
public interface ReportMail {

    /** The outbox columns' limits; a longer mail would fail the insert and with it the report. */
    int MAX_SUBJECT = 300;
    int MAX_TEXT = 20000;
    int MAX_HTML = 40000;

    /**
     * @param kind       what the mail is, for the outbox and its admin view, e.g. {@code REPORT_DAILY}
     * @param recipients mail addresses; repeated ones get one mail
     * @return how many mails were queued
     */
    int send(String kind, String subject, String text, String html, Collection<String> recipients);
}
