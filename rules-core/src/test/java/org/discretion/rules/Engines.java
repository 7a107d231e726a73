package org.discretion.rules;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.Severity;

/** Engines shared by the tests of this module (building costs seconds; evaluating, microseconds). */
public final class Engines {
    private Engines() {
    }

    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static DiscretionEngine statute;
    private static DiscretionEngine fixtures;

    /** The statute layer only. */
    public static synchronized DiscretionEngine statuteOnly() {
        if (statute == null) {
            statute = DiscretionEngine.builder().clock(FIXED).build();
        }
        return statute;
    }

    /** The statute layer plus the fictional fixture catalogs in src/test/resources/fixture-catalogs. */
    public static synchronized DiscretionEngine withFixtures() {
        if (fixtures == null) {
            fixtures = DiscretionEngine.builder().clock(FIXED).catalogDirectory(fixtureDir()).build();
        }
        return fixtures;
    }

    /** Copies a fixture tree (for tests that break a copy of it). */
    public static void copy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(t);
                else java.nio.file.Files.copy(p, t);
            }
        }
    }

    public static Path fixtureDir() {
        try {
            return Path.of(Engines.class.getResource("/fixture-catalogs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A case where nothing applies: an organization, discovered a month after the act, not a first offense,
     * not corrected, general severity and harm. Tests change one thing at a time.
     */
    public static CaseInput.Builder plain(String id) {
        return CaseInput.builder(id).party(Party.organization())
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).firstOffense(false).correction(Correction.NOT_CORRECTED)
                .severity(Severity.GENERAL).harm(Harm.GENERAL);
    }
}
