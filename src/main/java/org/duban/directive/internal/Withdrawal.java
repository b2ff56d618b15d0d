package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.MESSAGE_WITHDRAW;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/**
 * 撤回: a leader or the office ends a directive before it is closed. Every part still running ends with it and
 * is marked cancelled; the timeline says who and why.
 */
@Component
public class Withdrawal {

    public record Request(String by, String reason) {}

    private final DirectiveStore directives;
    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final EngineAsSystem engine;

    Withdrawal(DirectiveStore directives, PartStore parts, Lights lights, Timeline timeline, RuntimeService runtime,
            EngineAsSystem engine) {
        this.directives = directives;
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** Tells the directive's process, whose withdrawal step then does the rest (with this request in hand). */
    public void request(DirectiveRow directive, Request request) {
        HandOver.WITHDRAWAL.during(request, () -> engine.call(() -> runtime.createMessageCorrelation(MESSAGE_WITHDRAW)
                .processInstanceId(directive.processInstanceId()).correlateWithResult()));
    }

    /** The withdrawal step: only a request Duban checked can withdraw. */
    public void apply(DirectiveRow directive) {
        Request request = HandOver.WITHDRAWAL.take().orElseThrow(() -> new IllegalStateException(
                "a directive is withdrawn only through Duban's withdrawal request"));
        List<String> running = parts.of(directive.number()).stream().map(PartRow::processInstanceId)
                .filter(Objects::nonNull).toList();
        engine.run(() -> runtime.deleteProcessInstancesIfExists(running, "督办事项已撤回：" + request.reason(), true, true,
                false));
        parts.cancelOpen(directive.number());
        directives.withdrawalRequested(directive.number(), request.by(), request.reason());
        directives.ended(directive.number(), DirectiveStatus.CANCELLED);
        lights.refresh(directive.number());
        timeline.record(directive, EventType.WITHDRAWN, request.by(), new EventDetails.Withdrawn(request.reason()));
    }
}
