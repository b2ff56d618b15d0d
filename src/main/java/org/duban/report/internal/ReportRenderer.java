package org.duban.report.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a report mail from files: {@code templates/report/mail.html} and {@code mail.txt}; the HTML shares
 * {@code templates/report/body.html} with the report page. People's text (titles) is escaped by the templates.
 */
@Component
class ReportRenderer {

    record Mail(String subject, String text, String html) {}

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    /** @param limit lines per listing in the mail; the page link shows them all */
    Mail render(ReportContent report, String link, int limit) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("report", report);
        context.setVariable("link", link);
        context.setVariable("limit", limit);
        String subject = "【督办报告】" + report.title();
        return new Mail(subject, text.process("report/mail", context), html.process("report/mail", context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // the Spring flavour evaluates expressions with SpEL, as the pages that share the body fragment do
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
