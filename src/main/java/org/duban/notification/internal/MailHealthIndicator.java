package org.duban.notification.internal;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether this node reaches its SMTP server, as a detail that never takes the node DOWN: while the
 * server is away the outbox keeps every message and sends it later, so the node still serves
 * (Spring Boot's own mail indicator, switched off in application.yaml, would answer 503). Reports
 * what the sender last saw; when it has not tried for a while, a connection test at most every
 * ten seconds. Gauge {@code duban.mail.smtp.reachable} (1 or 0).
 */
@Component("mailHealthIndicator")
class MailHealthIndicator implements HealthIndicator {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final ObjectProvider<JavaMailSender> mail;
    private final MailDeliveryState state;
    private volatile Probe lastProbe;

    private record Probe(Instant at, String error) {}

    MailHealthIndicator(ObjectProvider<JavaMailSender> mail, MailDeliveryState state, MeterRegistry registry) {
        this.mail = mail;
        this.state = state;
        Gauge.builder("duban.mail.smtp.reachable", this, indicator -> indicator.reachable() ? 1 : 0)
                .description("1 while this node's last contact with the SMTP server succeeded").register(registry);
    }

    @Override
    public Health health() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Health.up().withDetail("smtp", "not configured: mail is kept in the outbox and the log").build();
        }
        Health.Builder health = Health.up();
        if (sender instanceof JavaMailSenderImpl impl) {
            health.withDetail("server", impl.getHost() + ":" + impl.getPort());
            probeIfQuiet(impl);
        }
        boolean reachable = reachable();
        health.withDetail("smtp", reachable ? "reachable" : "unreachable");
        if (state.lastSent() != null) {
            health.withDetail("lastSentAt", state.lastSent().toString());
        }
        MailDeliveryState.Failure failure = state.lastFailure();
        if (failure != null) {
            health.withDetail("lastFailureAt", failure.at().toString()).withDetail("lastError", failure.error())
                    .withDetail("failuresInARow", state.failuresInARow());
        }
        if (!reachable) {
            health.withDetail("warning", "SMTP server unreachable: mail waits in the outbox and is retried");
        }
        return health.build();
    }

    private boolean reachable() {
        Probe probe = lastProbe;
        Instant lastAttempt = lastAttempt();
        if (probe != null && (lastAttempt == null || probe.at().isAfter(lastAttempt))) {
            return probe.error() == null;
        }
        return state.reachable();
    }

    private Instant lastAttempt() {
        Instant sent = state.lastSent();
        MailDeliveryState.Failure failure = state.lastFailure();
        Instant failed = failure == null ? null : failure.at();
        if (sent == null) {
            return failed;
        }
        return failed == null || sent.isAfter(failed) ? sent : failed;
    }

    private void probeIfQuiet(JavaMailSenderImpl impl) {
        Instant now = Instant.now();
        Instant lastAttempt = lastAttempt();
        Probe probe = lastProbe;
        boolean senderIsRecent = lastAttempt != null && lastAttempt.isAfter(now.minus(FRESH));
        boolean probeIsRecent = probe != null && probe.at().isAfter(now.minus(FRESH));
        if (senderIsRecent || probeIsRecent) {
            return;
        }
        try {
            impl.testConnection();
            lastProbe = new Probe(Instant.now(), null);
        } catch (Exception e) {
            lastProbe = new Probe(Instant.now(), String.valueOf(e.getMessage()));
        }
    }
}
