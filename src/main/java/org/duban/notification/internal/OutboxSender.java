package org.duban.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: sends due messages through SMTP when {@code spring.mail.host} is set, or keeps
 * them in the outbox and the log when it is not. A failed send is retried with a growing back-off
 * (30 s, 1 min, 2 min … up to an hour by default); the workflow never waits for mail.
 * <p>Throughput: each poll drains rounds of {@code batch-size} messages back to back on
 * {@code sender-threads} threads, each thread over one SMTP connection kept for its whole run, until
 * nothing is due or {@link #DRAIN_BUDGET} is spent (then the next poll goes on).
 * <p>Several nodes (and threads) may run this on one database: each message is leased to one node at
 * a time, the lease is renewed right before the message is handed to SMTP, and a node sends only
 * while its lease holds. A node that dies after SMTP accepted a message but before it was marked sent
 * leaves it to be sent again when the lease runs out: the header {@value #NOTIFICATION_ID_HEADER}
 * lets a mail system recognise that copy.
 */
@Slf4j
@Component
class OutboxSender implements DisposableBean {

    static final String NOTIFICATION_ID_HEADER = "X-Duban-Notification";
    /** Longer than one SMTP attempt can take (see the mail timeouts in application.yaml); renewed per message. */
    static final long LEASE_SECONDS = 120;
    /** How long one poll may keep draining before it hands the scheduler thread back. */
    static final Duration DRAIN_BUDGET = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final MailDeliveryState state;
    private final ExecutorService helpers;

    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this(outbox, mail, properties, new MailDeliveryState());
    }

    @Autowired
    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
            MailDeliveryState state) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.state = state;
        AtomicInteger number = new AtomicInteger();
        this.helpers = properties.senderThreads() <= 1 ? null
                : Executors.newFixedThreadPool(properties.senderThreads() - 1, runnable -> {
                    Thread thread = new Thread(runnable, "outbox-sender-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Sends until nothing is due (or the budget is spent), on every sender thread at once. */
    @Scheduled(fixedDelayString = "${duban.notifications.poll-interval:PT2S}")
    void drain() {
        Instant deadline = Instant.now().plus(DRAIN_BUDGET);
        List<Future<?>> running = new ArrayList<>();
        if (helpers != null) {
            for (int i = 1; i < properties.senderThreads(); i++) {
                running.add(helpers.submit(() -> drainUntil(deadline)));
            }
        }
        drainUntil(deadline);
        for (Future<?> helper : running) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Outbox sender thread failed: {}", e.getMessage(), e);
            }
        }
    }

    private void drainUntil(Instant deadline) {
        try (SmtpConnection smtp = connection()) {
            Round round;
            do {
                round = sendRound(smtp);
            } while (round.full() && !round.serverDown() && Instant.now().isBefore(deadline));
        }
    }

    /** One round: claims up to a batch of due messages and sends them over one connection; the number claimed. */
    int sendDue() {
        try (SmtpConnection smtp = connection()) {
            return sendRound(smtp).claimed();
        }
    }

    private record Round(int claimed, boolean full, boolean serverDown) {}

    private SmtpConnection connection() {
        JavaMailSender sender = mail.getIfAvailable();
        return sender == null ? null : new SmtpConnection(sender);
    }

    private Round sendRound(SmtpConnection smtp) {
        String node = properties.nodeId();
        List<Outbox.Message> due = outbox.claimDue(node, properties.batchSize(), LEASE_SECONDS);
        String serverDown = null;
        for (Outbox.Message message : due) {
            if (!outbox.stillMine(message.id(), node, LEASE_SECONDS)) {
                log.info("Mail {} no longer leased to {} (taken over or cancelled); not sent", message.id(), node);
                continue;
            }
            if (smtp == null) {
                log.info("Mail kept (no SMTP server configured) to {}: {}\n{}", message.recipient(), message.subject(),
                        message.text());
                outbox.delivered(message, node, Outbox.LOGGED);
                continue;
            }
            if (serverDown != null) {
                // the server refused the connection a moment ago: the rest of the round waits for the retry too
                retryLater(message, node, serverDown);
                continue;
            }
            try {
                smtp.send(mime(smtp, message));
                outbox.delivered(message, node, Outbox.SENT);
                state.sent(Instant.now());
            } catch (Exception e) {
                String error = String.valueOf(e.getMessage());
                state.failed(Instant.now(), error);
                retryLater(message, node, error);
                if (smtp.failedToConnect()) {
                    serverDown = error;
                }
            }
        }
        return new Round(due.size(), due.size() >= properties.batchSize(), serverDown != null);
    }

    private void retryLater(Outbox.Message message, String node, String error) {
        long wait = Math.min(properties.maxBackoffSeconds(),
                properties.firstRetrySeconds() << Math.min(message.attempts(), 16));
        log.warn("Mail {} to {} not sent (attempt {}), retrying in {} s: {}", message.id(), message.recipient(),
                message.attempts() + 1, wait, error);
        // a retry must not bring routine mail at night that the first attempt would have brought by day
        outbox.failed(message.id(), node, error, wait, Urgency.goesAtNight(message.kind()) ? null : properties.quietHours());
    }

    private MimeMessage mime(SmtpConnection smtp, Outbox.Message message) throws MessagingException {
        MimeMessage mime = smtp.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        // lets a mail system (and a test) tell a resend from a second message
        mime.setHeader(NOTIFICATION_ID_HEADER, String.valueOf(message.id()));
        return mime;
    }

    @Override
    public void destroy() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
