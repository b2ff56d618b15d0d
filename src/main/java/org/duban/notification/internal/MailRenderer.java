package org.duban.notification.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders one notification from files: the wording per kind in {@code mail/notifications.properties},
 * the layout in {@code templates/mail/notification.html} and {@code .txt}. People's text (titles,
 * notes) is escaped by the HTML template.
 */
@Component
class MailRenderer {

    record Mail(String subject, String text, String html) {}

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource texts;
    private final TemplateEngine html;
    private final TemplateEngine text;

    MailRenderer(MessageSource texts) {
        this.texts = texts;
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

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
        return new Mail(subject, text.process("notification", context), html.process("notification", context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // the Spring flavour evaluates expressions with SpEL, like the application's pages
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
