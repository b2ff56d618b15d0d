package org.duban.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.directive.DirectiveEventRecorded;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Who hears of what (信息直达): departments when work reaches them, is urged, turns yellow or red,
 * comes back, is decided or scored, or is withdrawn; the supervision office when a result or an
 * extension request waits for it; the responsible leader on escalation; the drafter on a refusal.
 * Runs in the step's transaction, so a message exists exactly when the step happened; when it
 * leaves is up to {@link DeliveryRules}.
 */
@Component
class NotifyOnDirectiveEvents {

    private static final Set<EventType> TO_THE_DEPARTMENT = Set.of(EventType.URGED, EventType.TURNED_YELLOW,
            EventType.REMINDED, EventType.TURNED_RED, EventType.RETURNED_FOR_REWORK, EventType.EXTENSION_APPROVED,
            EventType.EXTENSION_REFUSED, EventType.SCORED);
    private static final Set<EventType> TO_THE_OFFICE = Set.of(EventType.SUBMITTED, EventType.EXTENSION_REQUESTED);
    /** These leave the recipient a task in Tasklist; every other mail points to the directive's page. */
    private static final Set<EventType> ACTIONABLE = Set.of(EventType.DISPATCHED, EventType.URGED,
            EventType.TURNED_YELLOW, EventType.REMINDED, EventType.TURNED_RED, EventType.RETURNED_FOR_REWORK,
            EventType.SUBMITTED, EventType.EXTENSION_REQUESTED);

    private final Organisation organisation;
    private final DirectiveRecords records;
    private final MailRenderer renderer;
    private final Outbox outbox;
    private final DeliveryRules rules;
    private final NotificationProperties properties;
    private final Clock clock;

    NotifyOnDirectiveEvents(Organisation organisation, DirectiveRecords records, MailRenderer renderer, Outbox outbox,
            DeliveryRules rules, NotificationProperties properties, Clock clock) {
        this.organisation = organisation;
        this.records = records;
        this.renderer = renderer;
        this.outbox = outbox;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(DirectiveEventRecorded event) {
        if (event.type() == EventType.WITHDRAWN) {
            outbox.cancelWaiting(event.number(), "督办事项已撤回，不再发送");
        }
        Map<String, Recipient> recipients = recipients(event);
        if (recipients.isEmpty()) {
            return;
        }
        String kind = event.type().name();
        String title = records.title(event.number()).orElse("");
        String link = link(event);
        MailRenderer.Mail mail = renderer.render(kind, event.number(), title, detail(event), link);
        Urgency urgency = Urgency.of(event);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Recipient to : recipients.values()) {
            outbox.enqueue(new Outbox.NewMessage(kind, event.number(), event.department(), to, mail.subject(), mail.text(),
                    mail.html(), link, SameDayReminders.key(event, to.address(), now)), rules.plan(urgency, to, now));
        }
    }

    private String link(DirectiveEventRecorded event) {
        return properties.publicUrl() + (ACTIONABLE.contains(event.type()) ? "/camunda/app/tasklist/"
                : "/directives/" + UriUtils.encodePathSegment(event.number(), StandardCharsets.UTF_8));
    }

    /** By address: a person who also reads the department mailbox gets one copy. */
    private Map<String, Recipient> recipients(DirectiveEventRecorded event) {
        Map<String, Recipient> to = new LinkedHashMap<>();
        if (event.type() == EventType.DISPATCHED
                || event.type() == EventType.WITHDRAWN && records.wasDispatched(event.number())) {
            // a draft withdrawn before approval never reached the departments, so its withdrawal does not either
            records.departmentsOf(event.number()).forEach(code -> department(code, to));
        } else if (TO_THE_DEPARTMENT.contains(event.type()) && event.department() != null) {
            department(event.department(), to);
        } else if (TO_THE_OFFICE.contains(event.type())) {
            organisation.withRole(Role.SUPERVISOR).forEach(member -> person(member, to));
        } else if (event.type() == EventType.ESCALATED) {
            organisation.member(String.valueOf(event.details().get("leader"))).ifPresent(m -> person(m, to));
        } else if (event.type() == EventType.REFUSED) {
            records.issuer(event.number()).flatMap(organisation::member).ifPresent(m -> person(m, to));
        }
        return to;
    }

    private void department(String code, Map<String, Recipient> to) {
        organisation.department(code).map(d -> d.mailbox()).ifPresent(mailbox -> {
            if (mailbox != null) {
                to.putIfAbsent(mailbox, Recipient.mailbox(mailbox));
            }
        });
        organisation.membersOf(code).forEach(member -> person(member, to));
    }

    private static void person(Member member, Map<String, Recipient> to) {
        to.putIfAbsent(member.email(), new Recipient(member.email(), member.id()));
    }

    private String detail(DirectiveEventRecorded event) {
        Map<String, ?> details = event.details();
        for (String key : List.of("note", "comment", "reason", "deadline", "score")) {
            if (details.get(key) != null) {
                String value = String.valueOf(details.get(key));
                return "reason".equals(key) ? renderer.reason(event.type().name(), value) : value;
            }
        }
        return null;
    }
}
