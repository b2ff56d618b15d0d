package org.duban.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleStateTest {

    /** 3 free failures, then 1 s doubling up to 8 s; failures forgotten a minute after the last. */
    private final ThrottleState.Policy policy = new ThrottleState.Policy(3, 1_000, 8_000, 60_000);

    @Test
    void theFreeFailuresDoNotBlock() {
        ThrottleState state = ThrottleState.NONE;
        for (int i = 0; i < 3; i++) {
            state = policy.afterFailure(state, 10_000);
            assertThat(state.blocked(10_000)).isFalse();
        }
        assertThat(state.failures()).isEqualTo(3);
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximumAndNeverLocksForGood() {
        ThrottleState state = ThrottleState.NONE;
        long now = 0;
        for (int i = 0; i < 3; i++) {
            state = policy.afterFailure(state, now);
        }
        long[] waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            state = policy.afterFailure(state, now);
            waits[i] = state.waitMs(now);
            assertThat(state.blocked(now)).isTrue();
            assertThat(state.blocked(now + waits[i])).as("the wait ends").isFalse();
            now += waits[i];
        }
        assertThat(waits).containsExactly(1_000, 2_000, 4_000, 8_000, 8_000, 8_000);
    }

    @Test
    void failuresAreForgottenAfterTheMemory() {
        ThrottleState state = ThrottleState.NONE;
        for (int i = 0; i < 5; i++) {
            state = policy.afterFailure(state, 0);
        }
        ThrottleState later = policy.afterFailure(state, 60_000);
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.blocked(60_000)).isFalse();
        assertThat(policy.exhausted(state, 59_999)).isTrue();
        assertThat(policy.exhausted(state, 60_000)).isFalse();
    }

    @Test
    void aCorrectPasswordGivesBackOnlyItsOwnCharge() {
        ThrottleState state = ThrottleState.NONE;
        for (int i = 0; i < 5; i++) {
            state = policy.afterFailure(state, 0);
        }
        ThrottleState after = policy.afterSuccess(state);
        assertThat(after.failures()).isEqualTo(4);
        assertThat(after.blocked(0)).as("the guesser's failures still count").isTrue();
        ThrottleState clean = policy.afterSuccess(policy.afterSuccess(after));
        assertThat(clean.failures()).isEqualTo(2);
        assertThat(clean.blocked(0)).isFalse();
        assertThat(clean.revision()).isEqualTo(state.revision() + 3);
    }

    @Test
    void theWaitIsRoundedUpToWholeSecondsForRetryAfter() {
        assertThat(new LoginThrottledException(java.time.Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginThrottledException(java.time.Duration.ofMillis(2_001)).retryAfterSeconds()).isEqualTo(3);
        assertThat(new LoginThrottledException(java.time.Duration.ofSeconds(2)).message()).contains("2 秒后再试");
    }
}
