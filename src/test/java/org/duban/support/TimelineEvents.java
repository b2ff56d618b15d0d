package org.duban.support;

import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.internal.DirectiveStore;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartStore;
import org.duban.directive.internal.Timeline;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Enters an event in a directive's timeline as a process step would, in a transaction of its own. */
public final class TimelineEvents {

    private final Timeline timeline;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final TransactionTemplate transaction;

    public TimelineEvents(org.springframework.context.ApplicationContext context) {
        this.timeline = context.getBean(Timeline.class);
        this.directives = context.getBean(DirectiveStore.class);
        this.parts = context.getBean(PartStore.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    public void record(String number, String unit, EventType type, String actor, EventDetails details) {
        transaction.executeWithoutResult(status -> {
            var directive = directives.find(number).orElseThrow();
            if (unit == null) {
                timeline.record(directive, type, actor, details);
            } else {
                timeline.record(new PartContext(directive, parts.find(number, unit).orElseThrow()), type, actor, details);
            }
        });
    }
}
