package org.duban.security.internal;

/**
 * Where one subject (an account, a source address, a device cookie) stands: how many failures in a row, when the
 * last one was, and until when its next attempt must wait. The rule is here, storage in {@code ThrottleStore}.
 *
 * @param revision for the store's compare-and-set; 0 for a subject not yet stored
 */
record ThrottleState(int failures, long lastFailureMs, long blockedUntilMs, int revision) {

    static final ThrottleState NONE = new ThrottleState(0, 0, 0, 0);

    /** The policy: free failures, then a wait that doubles from the first delay to the maximum. */
    record Policy(int freeFailures, long firstDelayMs, long maxDelayMs, long memoryMs) {

        ThrottleState afterFailure(ThrottleState state, long now) {
            int failures = state.remembered(this, now) ? state.failures() + 1 : 1;
            long blockedUntil = failures <= freeFailures ? 0 : now + delay(failures - freeFailures);
            return new ThrottleState(failures, now, blockedUntil, state.revision() + 1);
        }

        /**
         * A correct password takes back its own charge only: failures of others (someone guessing) stay, so that a
         * script logging in as the person all day does not wipe the guesser's record.
         */
        ThrottleState afterSuccess(ThrottleState state) {
            int failures = Math.max(0, state.failures() - 1);
            long blockedUntil = failures <= freeFailures ? 0 : state.blockedUntilMs();
            return new ThrottleState(failures, state.lastFailureMs(), blockedUntil, state.revision() + 1);
        }

        /** The wait after the n-th failure beyond the free ones (n ≥ 1). */
        long delay(int beyondFree) {
            long delay = firstDelayMs;
            for (int i = 1; i < beyondFree && delay < maxDelayMs; i++) {
                delay *= 2;
            }
            return Math.min(delay, maxDelayMs);
        }

        /** Whether the subject has used up its free failures (a device cookie then vouches no more). */
        boolean exhausted(ThrottleState state, long now) {
            return state.remembered(this, now) && state.failures() >= freeFailures;
        }
    }

    boolean blocked(long now) {
        return blockedUntilMs > now;
    }

    /** Milliseconds until the next attempt is checked. */
    long waitMs(long now) {
        return Math.max(0, blockedUntilMs - now);
    }

    private boolean remembered(Policy policy, long now) {
        return failures > 0 && now - lastFailureMs < policy.memoryMs();
    }
}
