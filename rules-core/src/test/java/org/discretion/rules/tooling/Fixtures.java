package org.discretion.rules.tooling;

import java.nio.file.Path;
import java.time.LocalDate;

/** Fixture catalog folders under src/test/resources/fixtures (one folder per kind of error, plus "good"). */
final class Fixtures {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private Fixtures() {
    }

    static Path dir(String kind) {
        return Path.of("src/test/resources/fixtures", kind).toAbsolutePath();
    }

    /** The fixture's file as the checker names it in a problem. */
    static String file(String kind, String relative) {
        return dir(kind).resolve(relative).toString();
    }

    static CheckReport check(String kind) {
        return CatalogChecker.forDirectory(dir(kind)).today(TODAY).check();
    }
}
