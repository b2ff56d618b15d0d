package org.duban.directive.internal;

import org.springframework.stereotype.Component;

/** Finds the part (and its directive) a step of department-work belongs to, by the engine's process instance. */
@Component
public class PartContexts {

    private final PartStore parts;
    private final DirectiveStore directives;

    PartContexts(PartStore parts, DirectiveStore directives) {
        this.parts = parts;
        this.directives = directives;
    }

    public PartContext of(String processInstanceId) {
        PartRow part = parts.byInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "process instance " + processInstanceId + " is bound to no part of a directive"));
        return new PartContext(directives.find(part.number()).orElseThrow(), part);
    }

    /**
     * The part a step of department-work belongs to — or, while its instance is being started by the part's delivery
     * and its first step has not bound it yet, the part being delivered: the supervision clock's timer is set as the
     * instance starts ({@code Timer_Supervision}, an event sub-process of the whole part), before any step runs.
     */
    public PartContext ofStarting(String processInstanceId) {
        return HandOver.DELIVERY.peek().map(part -> new PartContext(directives.find(part.number()).orElseThrow(), part))
                .orElseGet(() -> of(processInstanceId));
    }

    public DirectiveRow directiveOf(String processInstanceId) {
        return directives.byInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "process instance " + processInstanceId + " is no directive"));
    }
}
