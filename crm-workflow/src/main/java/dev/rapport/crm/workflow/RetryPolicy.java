package dev.rapport.crm.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed steps are retried: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialDelay}, then that times {@code multiplier} per further attempt (times from the
 * CRM's clock, through timers). After the last attempt the enrollment goes to the dead letters.
 *
 * <pre>{@code
 * RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), 2);   // 30s, 1m, 2m, 4m
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialDelay the delay before the first retry
 * @param multiplier the factor between successive delays, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, int multiplier) {
    /**
     * Validates the policy.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialDelay the delay before the first retry
     * @param multiplier the factor between successive delays, at least 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (maxAttempts < 1 || multiplier < 1 || initialDelay.isNegative()) {
            throw new IllegalArgumentException("maxAttempts and multiplier must be at least 1, the delay not negative");
        }
    }

    /**
     * The default: 3 attempts, 1 minute then 2 minutes apart.
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMinutes(1), 2);
    }

    /**
     * The delay before the retry that follows {@code failedAttempts} failures.
     *
     * @param failedAttempts failures so far, at least 1
     * @return the delay
     */
    public Duration delayAfter(int failedAttempts) {
        Duration d = initialDelay;
        for (int i = 1; i < failedAttempts; i++) {
            d = d.multipliedBy(multiplier);
        }
        return d;
    }
}
