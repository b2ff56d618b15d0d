package org.duban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.duban.notification.ReportMail;
import org.springframework.stereotype.Component;

/**
 * Report mail goes through the same outbox as every notification. A report is itself a digest, so
 * it is never folded into one; written in quiet hours (an admin regenerating at night) it waits
 * for the morning.
 */
@Component
class OutboxReportMail implements ReportMail {

    private final Outbox outbox;
    private final DeliveryRules rules;
    private final Clock clock;

    OutboxReportMail(Outbox outbox, DeliveryRules rules, Clock clock) {
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public int send(String kind, String subject, String text, String html, Collection<String> recipients) {
        if (subject.length() > MAX_SUBJECT || text.length() > MAX_TEXT || html.length() > MAX_HTML) {
            throw new IllegalArgumentException("A " + kind + " mail exceeds the outbox's limits");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Collection<String> to = new LinkedHashSet<>(recipients);
        to.forEach(address -> outbox.insert(new Outbox.NewMessage(kind, null, null, Recipient.mailbox(address), subject,
                text, html, null, null), rules.afterQuietHours(now)));
        return to.size();
    }
}
