package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.ReloadResult;

/**
 * A served catalog folder is reloaded through ReloadableEngine: a broken version never replaces the working one,
 * and the service reports the last reload's error and re-reads the catalog description only on a swap.
 */
class CatalogReloadTest {
    private static final Path FIXTURES = Path.of("../rules-core/src/test/resources/fixture-catalogs").toAbsolutePath();
    private static final String CATALOG = "fixture_mitigated";

    @TempDir
    Path dir;

    private void write(String version, boolean broken) throws IOException {
        Path cat = Files.createDirectories(dir.resolve(CATALOG));
        // no law file of its own: the fixture's placeholder 会计法 texts would replace the shipped registry's, which a
        // catalog folder may never do (LAW_OVERRIDE); the shipped registry has the 会计法 article the catalog cites
        Files.writeString(cat.resolve("catalog.yaml"), Files.readString(FIXTURES.resolve(CATALOG + "/catalog.yaml"))
                .replace("version: \"1\"", "version: \"" + version + "\""));
        String drl = Files.readString(FIXTURES.resolve(CATALOG + "/rules.drl"));
        Files.writeString(cat.resolve("rules.drl"), broken ? drl.replaceFirst("then\n", "") : drl);
    }

    @Test
    void aBrokenFolderNeverReplacesTheWorkingOneAndItsErrorIsReported() throws IOException {
        write("A", false);
        try (EngineService s = new EngineService(dir, false, null, Clock.systemDefaultZone())) {
            assertThat(s.catalog(CATALOG).orElseThrow().version()).isEqualTo("A");
            assertThat(s.catalog("tax_first_2021")).as("the shipped catalogs serve beside the folder's").isPresent();
            assertThat(s.lastReload()).isNull();

            write("B", true);
            assertThat(s.reload().outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
            assertThat(s.lastReload().outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
            assertThat(s.lastReload().errors()).contains("rules.drl");
            var health = new ServiceConfig().catalogs(s).health();
            assertThat(health.getStatus().getCode()).as("the working version still serves").isEqualTo("UP");
            assertThat(health.getDetails().get("lastReload").toString()).contains("outcome=REJECTED").contains("rules.drl");
            assertThat(s.catalog(CATALOG).orElseThrow().version()).isEqualTo("A");
            assertThat(s.versions()).anyMatch(v -> v.id().equals(CATALOG) && v.version().equals("A"));

            write("C", false);
            assertThat(s.reload().outcome()).isEqualTo(ReloadResult.Outcome.SWAPPED);
            assertThat(s.lastReload().errors()).isEmpty();
            assertThat(s.catalog(CATALOG).orElseThrow().version()).isEqualTo("C");
            assertThat(s.catalog(CATALOG).orElseThrow().contentHash()).isEqualTo(s.versions().stream()
                    .filter(v -> v.id().equals(CATALOG)).findFirst().orElseThrow().contentHash());
        }
    }
}
