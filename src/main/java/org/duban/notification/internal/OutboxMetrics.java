package org.duban.notification.internal;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * For monitoring: {@code duban.notifications.pending} (due or retrying), {@code .failing} (last
 * attempt failed), {@code .held} (waiting for the end of quiet hours), {@code .digest} (waiting for
 * the daily digest), {@code .oldest-due-seconds} (how long the oldest due one has waited).
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, Outbox outbox, Clock clock) {
        Gauge.builder("duban.notifications.oldest-due-seconds", outbox,
                        o -> OutboxHealthIndicator.oldestDueSeconds(o.backlog(), clock))
                .description("How long the oldest due notification has waited to be sent").baseUnit("seconds")
                .register(registry);
        Gauge.builder("duban.notifications.pending", outbox, o -> o.count(Outbox.PENDING, false))
                .description("Notifications waiting to be sent").register(registry);
        Gauge.builder("duban.notifications.failing", outbox, o -> o.count(Outbox.PENDING, true))
                .description("Notifications whose last attempt failed and that wait for a retry").register(registry);
        Gauge.builder("duban.notifications.held", outbox, o -> o.count(Outbox.HELD, false))
                .description("Routine notifications held until quiet hours end").register(registry);
        Gauge.builder("duban.notifications.digest", outbox, o -> o.count(Outbox.DIGEST, false))
                .description("Notifications waiting for their recipient's daily digest").register(registry);
    }
}
