package org.duban.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: sends due messages through SMTP when {@code spring.mail.host} is set, or keeps
 * them in the outbox and the log when it is not. A failed send is retried with a growing back-off
 * (30 s, 1 min, 2 min … up to an hour by default); the workflow never waits for mail.
 * <p>Several nodes may run this on one database: each message is leased to one node at a time, and
 * a node sends only while its lease holds. A node that dies after SMTP accepted a message but before
 * it was marked sent leaves it to be sent again when the lease runs out: the header
 * {@value #NOTIFICATION_ID_HEADER} lets a mail system recognise that copy.
 */
@Slf4j
@Component
class OutboxSender {

    static final String NOTIFICATION_ID_HEADER = "X-Duban-Notification";
    /** Longer than one SMTP attempt can take (see the mail timeouts in application.yaml); renewed per message. */
    static final long LEASE_SECONDS = 120;

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;

    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${duban.notifications.poll-interval:PT2S}")
    void sendDue() {
        String node = properties.nodeId();
        List<Outbox.Message> due = outbox.claimDue(node, properties.batchSize(), LEASE_SECONDS);
        JavaMailSender sender = mail.getIfAvailable();
        for (Outbox.Message message : due) {
            if (!outbox.stillMine(message.id(), node, LEASE_SECONDS)) {
                log.info("Mail {} no longer leased to {} (taken over or cancelled); not sent", message.id(), node);
                continue;
            }
            if (sender == null) {
                log.info("Mail kept (no SMTP server configured) to {}: {}\n{}", message.recipient(), message.subject(),
                        message.text());
                outbox.delivered(message, node, Outbox.LOGGED);
                continue;
            }
            try {
                sender.send(mime(sender, message));
                outbox.delivered(message, node, Outbox.SENT);
            } catch (Exception e) {
                long wait = Math.min(properties.maxBackoffSeconds(),
                        properties.firstRetrySeconds() << Math.min(message.attempts(), 16));
                log.warn("Mail {} to {} not sent (attempt {}), retrying in {} s: {}", message.id(), message.recipient(),
                        message.attempts() + 1, wait, e.getMessage());
                // a retry must not bring routine mail at night that the first attempt would have brought by day
                outbox.failed(message.id(), node, String.valueOf(e.getMessage()), wait,
                        Urgency.goesAtNight(message.kind()) ? null : properties.quietHours());
            }
        }
    }
    private MimeMessage mime(JavaMailSender sender, Outbox.Message message) throws jakarta.mail.MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        // lets a mail system (and a test) tell a resend from a second message
        mime.setHeader(NOTIFICATION_ID_HEADER, String.valueOf(message.id()));
        return mime;
    }
}
