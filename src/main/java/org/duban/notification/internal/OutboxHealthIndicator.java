package org.duban.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog as a detail: how many messages are due, how many failed last time, and how long
 * the oldest has waited. Always UP: a backlog is work for the node, not a reason to take it out (the
 * database indicator says whether the outbox can be read at all). Gauge
 * {@code duban.notifications.oldest-due-seconds} beside the counts of {@link OutboxMetrics}.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

    /** A message due longer than this points at a stuck or overwhelmed sender. */
    static final Duration LATE = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final Clock clock;

    OutboxHealthIndicator(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Outbox.Backlog backlog;
        try {
            backlog = outbox.backlog();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", String.valueOf(e.getMessage())).build();
        }
        long waited = oldestDueSeconds(backlog, clock);
        Health.Builder health = Health.up().withDetail("due", backlog.due()).withDetail("failing", backlog.failing())
                .withDetail("oldestDueSeconds", waited);
        if (waited > LATE.toSeconds()) {
            health.withDetail("warning", "the oldest due message has waited " + waited + " s");
        }
        return health.build();
    }

    static long oldestDueSeconds(Outbox.Backlog backlog, Clock clock) {
        OffsetDateTime oldest = backlog.oldestDueAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(clock)).toSeconds());
    }
}
