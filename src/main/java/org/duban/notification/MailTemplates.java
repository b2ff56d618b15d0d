package org.duban.notification;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every mail's two parts from one template name under {@code templates/}: {@code name.txt} for the
 * plain text, {@code name.html} for HTML, where people's text is escaped. Kept apart from the page
 * engine, which caches and renders with the web request in hand; a mail is rendered in a process step.
 */
@Component
public class MailTemplates {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    public String html(String template, Context context) {
        return html.process(template, context);
    }

    public String text(String template, Context context) {
        return text.process(template, context);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // the Spring flavour evaluates expressions with SpEL, like the pages that share fragments with mails
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
