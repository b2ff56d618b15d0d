package org.duban.notification.internal;

import java.util.Set;

import org.duban.directive.DirectiveEvent;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;

/**
 * How a message may be delayed for the recipient's peace. Decided with a city office's day in mind:
 * <ul>
 * <li>{@link #CRITICAL}: 升级督办 (ESCALATED, a leader must step in) and 撤回 (WITHDRAWN, work must stop
 * now, or a unit spends a day on a withdrawn directive). Sent at once, also in quiet hours and
 * to people who chose the digest.</li>
 * <li>{@link #PRESSING}: 亮红灯/逾期 (TURNED_RED) and a 催办 a person pressed (URGED, reason manual). They never
 * wait for the digest: the first counts against the unit's score and leads to escalation, the second is a
 * person asking for a reaction today. They do wait out quiet hours: the red light turns at midnight by
 * construction, and nobody can act on it before the office opens, so a mail at 00:00 would only wake people.</li>
 * <li>{@link #ROUTINE}: everything else (new work, yellow light, reminders, automatic urges,
 * decisions, scores, review requests). Held in quiet hours, and collected into the daily digest for
 * people who chose it.</li>
 * </ul>
 * Unit mailboxes are never digested (see {@link DeliveryRules}); quiet hours apply to them too.
 */
enum Urgency {

    ROUTINE, PRESSING, CRITICAL;

    private static final Set<EventType> CRITICAL_TYPES = Set.of(EventType.ESCALATED, EventType.WITHDRAWN);

    static Urgency of(DirectiveEvent event) {
        if (CRITICAL_TYPES.contains(event.type())) {
            return CRITICAL;
        }
        if (event.type() == EventType.TURNED_RED || isPressedUrge(event)) {
            return PRESSING;
        }
        return ROUTINE;
    }

    /** Whether a stored message of this kind may be sent in quiet hours (only critical ones may). */
    static boolean goesAtNight(String kind) {
        return CRITICAL_TYPES.stream().anyMatch(type -> type.name().equals(kind));
    }

    /** An urge a person pressed rather than one a timer fired. */
    static boolean isPressedUrge(DirectiveEvent event) {
        return event.details() instanceof EventDetails.Urged urged && !urged.urgeReason().isAutomatic();
    }
}
