package org.duban.notification.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * For monitoring: {@code duban.notifications.pending} (due or retrying), {@code .failing} (last
 * attempt failed), {@code .held} (waiting for the end of quiet hours), {@code .digest} (waiting for
 * the daily digest).
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, Outbox outbox) {
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
