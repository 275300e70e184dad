package dev.rapport.crm.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the examples move forward, to replay a year of business in a second. The CRM and the
 * workflow engine read all time from the clock they are given, so this is all it takes.
 */
public final class SimulatedClock extends Clock {
    private volatile Instant now;

    /**
     * A clock at an instant.
     *
     * @param start the instant to start at
     */
    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock to a later instant (an earlier one is ignored: time does not go back).
     *
     * @param to the instant
     */
    public void moveTo(Instant to) {
        if (to.isAfter(now)) {
            now = to;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
