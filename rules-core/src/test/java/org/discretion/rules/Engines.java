package org.discretion.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.discretion.rules.api.DiscretionEngine;

/** One statute-only engine shared by the tests of this module (building costs seconds; evaluating, microseconds). */
public final class Engines {
    private Engines() {
    }

    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static DiscretionEngine statute;

    public static synchronized DiscretionEngine statuteOnly() {
        if (statute == null) {
            statute = DiscretionEngine.builder().clock(FIXED).build();
        }
        return statute;
    }
}
