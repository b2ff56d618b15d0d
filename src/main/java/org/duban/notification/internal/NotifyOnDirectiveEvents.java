package org.duban.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.directive.DirectiveEvent;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.Names;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Who hears of what (信息直达): the event names whom it concerns (units, people, the office); this turns them
 * into addresses — a unit's mailbox and members, a person, every member of the supervision office — and writes
 * one message each in the step's transaction, so a message exists exactly when the step happened. When it
 * leaves is up to {@link DeliveryRules}.
 */
@Component
class NotifyOnDirectiveEvents {

    /** These leave the recipient a task in Tasklist; every other mail points to the directive's page. */
    private static final Set<EventType> ACTIONABLE = Set.of(EventType.DISPATCHED, EventType.URGED,
            EventType.TURNED_YELLOW, EventType.REMINDED, EventType.TURNED_RED, EventType.RETURNED_FOR_REWORK,
            EventType.SUBMITTED, EventType.EXTENSION_REQUESTED, EventType.RETURNED, EventType.REASSIGNED,
            EventType.REASSIGNMENT_REFUSED);

    private final Organisation organisation;
    private final Names names;
    private final MailRenderer renderer;
    private final Outbox outbox;
    private final DeliveryRules rules;
    private final NotificationProperties properties;
    private final Clock clock;

    NotifyOnDirectiveEvents(Organisation organisation, Names names, MailRenderer renderer, Outbox outbox,
            DeliveryRules rules, NotificationProperties properties, Clock clock) {
        this.organisation = organisation;
        this.names = names;
        this.renderer = renderer;
        this.outbox = outbox;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(DirectiveEvent event) {
        if (event.type() == EventType.WITHDRAWN) {
            outbox.cancelWaiting(event.number(), "督办事项已撤回，不再发送");
        }
        Map<String, Recipient> recipients = recipients(event.audience());
        if (recipients.isEmpty()) {
            return;
        }
        String kind = event.type().name();
        String link = link(event);
        MailRenderer.Mail mail = renderer.render(kind, event.number(), event.title(), detail(event), link);
        Urgency urgency = Urgency.of(event);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Recipient> to = List.copyOf(recipients.values());
        List<DeliveryRules.Plan> plans = rules.plans(urgency, to, now);
        List<Outbox.Queued> messages = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            messages.add(new Outbox.Queued(new Outbox.NewMessage(kind, event.number(), event.unit(), to.get(i),
                    mail.subject(), mail.text(), mail.html(), link, SameDayReminders.key(event, to.get(i).address(), now)),
                    plans.get(i)));
        }
        outbox.enqueueAll(messages);
    }

    private String link(DirectiveEvent event) {
        return properties.publicUrl() + (ACTIONABLE.contains(event.type()) ? "/camunda/app/tasklist/"
                : "/directives/" + UriUtils.encodePathSegment(event.number(), StandardCharsets.UTF_8));
    }

    /** By address: a person who also reads a unit's mailbox gets one copy. */
    private Map<String, Recipient> recipients(DirectiveEvent.Audience audience) {
        Map<String, Recipient> to = new LinkedHashMap<>();
        audience.units().forEach(code -> unit(code, to));
        audience.people().forEach(id -> organisation.member(id).ifPresent(m -> person(m, to)));
        if (audience.office()) {
            organisation.withRole(Role.SUPERVISOR).forEach(member -> person(member, to));
        }
        return to;
    }

    private void unit(String code, Map<String, Recipient> to) {
        organisation.department(code).map(d -> d.mailbox()).ifPresent(mailbox -> to.putIfAbsent(mailbox,
                Recipient.mailbox(mailbox)));
        organisation.membersOf(code).forEach(member -> person(member, to));
    }

    private static void person(Member member, Map<String, Recipient> to) {
        to.putIfAbsent(member.email(), new Recipient(member.email(), member.id()));
    }

    /** The line a mail quotes: why an urge went out, what changed, or what the person wrote. */
    private String detail(DirectiveEvent event) {
        if (event.details() instanceof EventDetails.Urged urged) {
            String why = renderer.reason(event.type().name(), urged.reason());
            return urged.note() == null ? why : why + "：" + urged.note();
        }
        if (event.details() instanceof EventDetails.Reassigned || event.details() instanceof EventDetails.Dispatched) {
            return event.details().describe(names);
        }
        return event.details().text();
    }
}
