package dev.rapport.crm.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that a test moves by hand; thread-safe.
 *
 * <pre>{@code
 * HarnessClock clock = HarnessClock.at("2026-01-01T09:00:00Z");
 * clock.advance(Duration.ofDays(1));
 * }</pre>
 */
public final class HarnessClock extends Clock {
    private volatile Instant now;

    private HarnessClock(Instant start) {
        this.now = start;
    }

    /**
     * A clock at an instant.
     *
     * @param instant an ISO-8601 instant
     * @return the clock
     */
    public static HarnessClock at(String instant) {
        return new HarnessClock(Instant.parse(instant));
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far (not negative)
     * @throws IllegalArgumentException if negative
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
