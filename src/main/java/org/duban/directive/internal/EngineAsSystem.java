package org.duban.directive.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call on Duban's own behalf inside a person's step: starting the parts of a directive the
 * person may issue, telling the directive that its last part is done, ending the parts of a withdrawn one.
 * The person holds no permission on those instances (a department may not start processes or touch the
 * directive), and needs none: Duban has already checked what the step may do. The engine checks
 * authorizations only for an authenticated user, so the call runs with none and the person's authentication
 * is put back afterwards.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identity;

    EngineAsSystem(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Supplier<T> action) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** The person taking the current engine step, or null for the engine itself (a timer, a job). */
    public String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
