package org.duban.directive.internal;

import java.util.Locale;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.PartStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Chinese names of statuses for code that writes text (briefs, refusals), from labels.properties like the pages. */
@Component
public class StatusLabels {

    private final MessageSource labels;

    StatusLabels(MessageSource labels) {
        this.labels = labels;
    }

    public String of(PartStatus status) {
        return label("part." + status.name());
    }

    public String of(DirectiveStatus status) {
        return label("status." + status.name());
    }

    private String label(String key) {
        return labels.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
