package org.discretion.rules.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The clock of a scenario engine: "today" is the evaluation date of the scenario being evaluated on this thread,
 * else the real date. It lets one engine (built once per catalog set, which costs seconds) serve suites with
 * different evaluation dates; the engine reads the clock once per evaluation, on the evaluating thread.
 */
final class ScenarioClock extends Clock {
    private static final ThreadLocal<LocalDate> TODAY = new ThreadLocal<>();
    private final ZoneId zone;

    ScenarioClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Runs {@code work} with "today" fixed to {@code date} ({@code null}: the real date) on this thread. */
    static <T> T at(LocalDate date, Supplier<T> work) {
        LocalDate before = TODAY.get();
        TODAY.set(date);
        try {
            return work.get();
        } finally {
            if (before == null) TODAY.remove();
            else TODAY.set(before);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ScenarioClock(z);
    }

    @Override
    public Instant instant() {
        LocalDate d = TODAY.get();
        return d == null ? Instant.now() : d.atStartOfDay(zone).toInstant();
    }
}
