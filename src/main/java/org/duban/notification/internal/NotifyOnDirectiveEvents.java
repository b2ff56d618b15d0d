package org.duban.notification.internal;

import java.util.LinkedHashSet;
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

/**
 * Who hears of what (信息直达): departments when work reaches them, is urged, turns yellow or red,
 * comes back, is decided or scored, or is withdrawn; the supervision office when a result or an
 * extension request waits for it; the responsible leader on escalation; the drafter on a refusal.
 * Runs in the step's transaction, so a message exists exactly when the step happened.
 */
@Component
class NotifyOnDirectiveEvents {

    private static final Set<EventType> TO_THE_DEPARTMENT = Set.of(EventType.URGED, EventType.TURNED_YELLOW,
            EventType.REMINDED, EventType.TURNED_RED, EventType.RETURNED_FOR_REWORK, EventType.EXTENSION_APPROVED,
            EventType.EXTENSION_REFUSED, EventType.SCORED);
    private static final Set<EventType> TO_THE_OFFICE = Set.of(EventType.SUBMITTED, EventType.EXTENSION_REQUESTED);

    private final Organisation organisation;
    private final DirectiveRecords records;
    private final MailRenderer renderer;
    private final Outbox outbox;
    private final NotificationProperties properties;

    NotifyOnDirectiveEvents(Organisation organisation, DirectiveRecords records, MailRenderer renderer, Outbox outbox,
            NotificationProperties properties) {
        this.organisation = organisation;
        this.records = records;
        this.renderer = renderer;
        this.outbox = outbox;
        this.properties = properties;
    }

    @EventListener
    void on(DirectiveEventRecorded event) {
        Set<String> recipients = recipients(event);
        if (recipients.isEmpty()) {
            return;
        }
        String kind = event.type().name();
        String title = records.title(event.number()).orElse("");
        boolean actionable = event.type() != EventType.SCORED && event.type() != EventType.WITHDRAWN
                && event.type() != EventType.REFUSED;
        String link = properties.publicUrl() + (actionable ? "/camunda/app/tasklist/" : "/");
        MailRenderer.Mail mail = renderer.render(kind, event.number(), title, detail(event), link);
        recipients.forEach(to -> outbox.enqueue(kind, event.number(), to, mail.subject(), mail.text(), mail.html()));
    }

    private Set<String> recipients(DirectiveEventRecorded event) {
        Set<String> to = new LinkedHashSet<>();
        if (event.type() == EventType.DISPATCHED || event.type() == EventType.WITHDRAWN) {
            records.departmentsOf(event.number()).forEach(code -> to.addAll(department(code)));
        } else if (TO_THE_DEPARTMENT.contains(event.type()) && event.department() != null) {
            to.addAll(department(event.department()));
        } else if (TO_THE_OFFICE.contains(event.type())) {
            organisation.withRole(Role.SUPERVISOR).forEach(member -> to.add(member.email()));
        } else if (event.type() == EventType.ESCALATED) {
            organisation.member(String.valueOf(event.details().get("leader"))).ifPresent(m -> to.add(m.email()));
        } else if (event.type() == EventType.REFUSED) {
            records.issuer(event.number()).flatMap(organisation::member).ifPresent(m -> to.add(m.email()));
        }
        return to;
    }

    private Set<String> department(String code) {
        Set<String> to = new LinkedHashSet<>();
        organisation.department(code).map(d -> d.mailbox()).ifPresent(mailbox -> {
            if (mailbox != null) {
                to.add(mailbox);
            }
        });
        organisation.membersOf(code).stream().map(Member::email).forEach(to::add);
        return to;
    }

    private static String detail(DirectiveEventRecorded event) {
        Map<String, ?> details = event.details();
        for (String key : List.of("note", "comment", "reason", "deadline", "score")) {
            if (details.get(key) != null) {
                return String.valueOf(details.get(key));
            }
        }
        return null;
    }
}
