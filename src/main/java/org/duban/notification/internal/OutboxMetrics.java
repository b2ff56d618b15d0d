package org.duban.notification.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** {@code duban.notifications.pending} and {@code duban.notifications.failing} for monitoring. */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, Outbox outbox) {
        Gauge.builder("duban.notifications.pending", outbox, o -> o.count(Outbox.PENDING, false))
                .description("Notifications waiting to be sent").register(registry);
        Gauge.builder("duban.notifications.failing", outbox, o -> o.count(Outbox.PENDING, true))
                .description("Notifications whose last attempt failed and that wait for a retry").register(registry);
    }
}
