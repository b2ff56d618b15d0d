package org.duban.directive.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands what a Duban request has already checked to the process step that request triggers, on the same thread
 * and in the same transaction, so the step uses exactly that instead of anything a variable could carry: the
 * validated directive to the register step, the part being delivered to the step that binds its instance, who
 * withdraws and why to the withdrawal step. A step that finds nothing handed over knows it was not triggered
 * by Duban.
 */
final class HandOver<T> {

    /** The directive {@code POST /api/directives} validated, for the first step of the process it starts. */
    static final HandOver<org.duban.directive.NewDirective> ISSUE = new HandOver<>();
    /** The part whose department-work instance is being started. */
    static final HandOver<PartRow> DELIVERY = new HandOver<>();
    /** Who withdraws a directive and why. */
    static final HandOver<Withdrawal.Request> WITHDRAWAL = new HandOver<>();
    /** The files a report page stored for the step it completes (ReportStep → Handling). */
    static final HandOver<java.util.List<org.duban.directive.EventDetails.Evidence>> EVIDENCE = new HandOver<>();

    private final ThreadLocal<T> value = new ThreadLocal<>();

    private HandOver() {
    }

    <R> R during(T handed, Supplier<R> step) {
        value.set(handed);
        try {
            return step.get();
        } finally {
            value.remove();
        }
    }

    /** What was handed over, left for the step that takes it. */
    Optional<T> peek() {
        return Optional.ofNullable(value.get());
    }

    Optional<T> take() {
        T handed = value.get();
        value.remove();
        return Optional.ofNullable(handed);
    }
}
