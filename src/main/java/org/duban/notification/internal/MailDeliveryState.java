package org.duban.notification.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** What this node's sender last saw of the SMTP server, for the mail health detail and its gauge. */
@Component
class MailDeliveryState {

    record Failure(Instant at, String error) {}

    private final AtomicReference<Instant> lastSent = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final AtomicInteger failuresInARow = new AtomicInteger();

    void sent(Instant at) {
        lastSent.set(at);
        failuresInARow.set(0);
    }

    void failed(Instant at, String error) {
        lastFailure.set(new Failure(at, error));
        failuresInARow.incrementAndGet();
    }

    Instant lastSent() {
        return lastSent.get();
    }

    Failure lastFailure() {
        return lastFailure.get();
    }

    int failuresInARow() {
        return failuresInARow.get();
    }

    /** The last attempt went through, or none failed yet. */
    boolean reachable() {
        return failuresInARow.get() == 0;
    }
}
