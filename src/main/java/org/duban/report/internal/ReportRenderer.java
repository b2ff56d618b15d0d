package org.duban.report.internal;

import java.util.Locale;

import org.duban.notification.MailTemplates;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * Renders a report mail from files: {@code templates/report/mail.html} and {@code mail.txt}; the HTML shares
 * {@code templates/report/body.html} with the report page. People's text (titles) is escaped by the templates.
 */
@Component
class ReportRenderer {

    record Mail(String subject, String text, String html) {}

    private final MailTemplates templates;

    ReportRenderer(MailTemplates templates) {
        this.templates = templates;
    }

    /** @param limit lines per listing in the mail; the page link shows them all */
    Mail render(ReportContent report, String link, int limit) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("report", report);
        context.setVariable("link", link);
        context.setVariable("limit", limit);
        String subject = "【督办报告】" + report.title();
        return new Mail(subject, templates.text("report/mail", context), templates.html("report/mail", context));
    }
}
