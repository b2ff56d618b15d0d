package org.duban.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords slow down the one who guesses (README, "Wrong passwords"): after the free failures of an account
 * (from browsers it has not vouched for) or of a source address, each further failure makes the next attempt wait,
 * twice as long each time, up to {@code max-delay}; failures are forgotten {@code memory} after the last one.
 */
@ConfigurationProperties("duban.login-throttle")
public class LoginThrottleProperties {

    private int accountFreeFailures = 5;
    private int sourceFreeFailures = 50;
    private int deviceFreeFailures = 5;
    private Duration firstDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofMinutes(15);
    private Duration memory = Duration.ofHours(1);
    private Duration deviceCookieLifetime = Duration.ofDays(180);

    public int getAccountFreeFailures() {
        return accountFreeFailures;
    }

    public void setAccountFreeFailures(int accountFreeFailures) {
        this.accountFreeFailures = accountFreeFailures;
    }

    public int getSourceFreeFailures() {
        return sourceFreeFailures;
    }

    public void setSourceFreeFailures(int sourceFreeFailures) {
        this.sourceFreeFailures = sourceFreeFailures;
    }

    public int getDeviceFreeFailures() {
        return deviceFreeFailures;
    }

    public void setDeviceFreeFailures(int deviceFreeFailures) {
        this.deviceFreeFailures = deviceFreeFailures;
    }

    public Duration getFirstDelay() {
        return firstDelay;
    }

    public void setFirstDelay(Duration firstDelay) {
        this.firstDelay = firstDelay;
    }

    public Duration getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    public Duration getMemory() {
        return memory;
    }

    public void setMemory(Duration memory) {
        this.memory = memory;
    }

    public Duration getDeviceCookieLifetime() {
        return deviceCookieLifetime;
    }

    public void setDeviceCookieLifetime(Duration deviceCookieLifetime) {
        this.deviceCookieLifetime = deviceCookieLifetime;
    }
}
