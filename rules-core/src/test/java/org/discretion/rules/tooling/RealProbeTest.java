package org.discretion.rules.tooling;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealProbeTest {
    @Test
    void probe() {
        CheckReport r = CatalogChecker.forDirectory(Path.of("/tmp/issue4-real")).today(Fixtures.TODAY).executableModel(false).check();
        r.diagnostics().forEach(System.out::println);
        System.out.println("check: " + r.millis() + " ms, " + r.casesEvaluated() + " cases, " + r.items() + " items");
        long t = System.nanoTime();
        r = CatalogChecker.forDirectory(Path.of("/tmp/issue4-real")).today(Fixtures.TODAY).executableModel(false).check();
        System.out.println("warm no-exec: " + r.millis() + " ms, " + r.casesEvaluated());
    }
}
