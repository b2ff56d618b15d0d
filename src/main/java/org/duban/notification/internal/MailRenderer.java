package org.duban.notification.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.duban.calendar.WorkCalendar;
import org.duban.notification.MailTemplates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * Renders notifications from files: the wording per kind in {@code mail/notifications.properties},
 * the layout in {@code templates/mail/notification.html} and {@code .txt}, a daily digest in
 * {@code notification-digest.*}. People's text (titles, notes) is escaped by the HTML templates.
 */
@Component
class MailRenderer {

    record Mail(String subject, String text, String html) {}

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource texts;
    private final MailTemplates templates;

    MailRenderer(MessageSource texts, MailTemplates templates) {
        this.texts = texts;
        this.templates = templates;
    }

    /** One line of a digest, as the templates show it. */
    record DigestLine(String time, String subject, String link) {}

    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    Mail render(String kind, String number, String title, String detail, String link) {
        Object[] args = {number, title};
        String subject = texts.getMessage("mail." + kind + ".subject", args, CHINESE);
        Context context = new Context(CHINESE);
        context.setVariable("heading", subject);
        context.setVariable("body", texts.getMessage("mail." + kind + ".body", args, CHINESE));
        context.setVariable("number", number);
        context.setVariable("title", title);
        context.setVariable("detail", detail);
        context.setVariable("link", link);
        context.setVariable("action", texts.getMessage("mail." + kind + ".action", null, "查看详情", CHINESE));
        return new Mail(subject, templates.text("mail/notification", context), templates.html("mail/notification", context));
    }

    /** Every item waiting for one person, in the order they happened, each with its link. */
    Mail renderDigest(List<DigestItems.Item> items, OffsetDateTime now, String settingsLink) {
        String date = now.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate().toString();
        String subject = texts.getMessage("mail.DIGEST.subject", new Object[] {date, items.size()}, CHINESE);
        Context context = new Context(CHINESE);
        context.setVariable("heading", subject);
        context.setVariable("body", texts.getMessage("mail.DIGEST.body", new Object[] {items.size()}, CHINESE));
        context.setVariable("lines", items.stream().map(item -> new DigestLine(
                LINE_TIME.format(item.queuedAt().atZoneSameInstant(WorkCalendar.ZONE)), item.subject(), item.link())).toList());
        context.setVariable("settings", texts.getMessage("mail.DIGEST.settings", null, CHINESE));
        context.setVariable("settingsLink", settingsLink);
        return new Mail(subject, templates.text("mail/notification-digest", context),
                templates.html("mail/notification-digest", context));
    }

    /** A machine reason (e.g. an automatic urge's {@code overdue}) in words, or the reason itself. */
    String reason(String kind, String reason) {
        return texts.getMessage("mail." + kind + ".reason." + reason, null, reason, CHINESE);
    }
}
