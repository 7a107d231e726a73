package org.discretion.rules.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.ReloadResult;
import org.discretion.rules.api.ReloadableEngine;
import org.discretion.rules.api.Settings;

/**
 * The auto-configuration as an application sees it: the engine it gets with no settings, with a catalog folder,
 * with its own beans; the health indicator and the meters.
 */
class DiscretionAutoConfigurationTest {
    static final Path TAX_CATALOG = Path.of("../rules-catalog/src/main/resources/catalogs/tax_first_2021");

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DiscretionAutoConfiguration.class));

    static String taxCase() throws IOException {
        return Files.readString(Path.of("../examples/cases/tax-first-offense.json"), StandardCharsets.UTF_8);
    }

    @Test
    void withNoSettingsTheEngineServesTheClasspathCatalogs() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
            assertThat(ctx).hasSingleBean(DiscretionEngine.class).doesNotHaveBean(ReloadableEngine.class);
            DiscretionEngine engine = ctx.getBean(DiscretionEngine.class);
            Decision d = engine.evaluate(CaseJson.parseCase(taxCase()));
            assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
            assertThat(d.items()).extracting(i -> i.item()).containsExactly("TAX-1");
            // the meters saw it, tagged by handling
            MeterRegistry meters = ctx.getBean(MeterRegistry.class);
            assertThat(meters.get("discretion.decisions").tag("handling", "NO_PENALTY").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("discretion.evaluation").timer().count()).isEqualTo(1);
            // and an invalid case is counted as rejected
            engine.evaluateAll(java.util.List.of(CaseJson.parseCase("{\"id\":\"bad\",\"item\":\"NO-SUCH-1\"}")));
            assertThat(meters.get("discretion.cases.rejected").counter().count()).isEqualTo(1.0);
            // health: UP, with the catalog versions served
            Health h = ctx.getBean(DiscretionHealthIndicator.class).health();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(((Map<?, ?>) h.getDetails().get("catalogs")).containsKey("tax_first_2021")).isTrue();
            assertThat(h.getDetails()).containsEntry("reloadable", false);
        });
    }

    @Test
    void settingsComeFromTheProperties() {
        runner.withPropertyValues("discretion.settings.first-offense-look-back=P2Y", "discretion.settings.huaxian-exclusion=false")
                .run(ctx -> {
                    Settings s = ctx.getBean(Settings.class);
                    assertThat(s.firstOffenseLookBack()).isEqualTo(Period.ofYears(2));
                    assertThat(s.huaxianExclusion()).isFalse();
                    assertThat(s.lenientShare()).isEqualByComparingTo(Settings.defaults().lenientShare());
                });
    }

    @Test
    void anEngineOfTheApplicationsOwnWins() {
        DiscretionEngine own = DiscretionEngine.builder().build(); // statute layer only
        runner.withBean(DiscretionEngine.class, () -> own).run(ctx -> {
            assertThat(ctx).hasSingleBean(DiscretionEngine.class);
            assertThat(ctx.getBean(DiscretionEngine.class)).isSameAs(own);
        });
    }

    @Test
    void healthCanBeTurnedOff() {
        runner.withPropertyValues("management.health.discretion.enabled=false", "discretion.catalogs.classpath=false")
                .run(ctx -> assertThat(ctx).hasSingleBean(DiscretionEngine.class).doesNotHaveBean(DiscretionHealthIndicator.class));
    }

    /**
     * With a catalog folder the engine reloads; a broken folder is rejected, the working catalogs keep serving, and
     * health and meters say so.
     */
    @Test
    void aCatalogFolderGivesAReloadingEngineThatKeepsServingThroughABrokenReload(@TempDir Path dir) throws IOException {
        Path cat = dir.resolve("tax_first_2021");
        Files.createDirectories(cat);
        for (String f : new String[] {"catalog.yaml", "rules.drl"}) Files.copy(TAX_CATALOG.resolve(f), cat.resolve(f));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("discretion.catalogs.classpath=false", "discretion.catalogs.dir=" + dir,
                        "discretion.catalogs.watch=false")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(ReloadableEngine.class);
                    ReloadableEngine engine = ctx.getBean(ReloadableEngine.class);
                    assertThat(engine.evaluate(CaseJson.parseCase(taxCase())).handling()).isEqualTo(Handling.NO_PENALTY);

                    Files.writeString(cat.resolve("rules.drl"), "rule \"TAX-1\" when then nonsense(", StandardCharsets.UTF_8);
                    ReloadResult r = engine.reload();
                    assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
                    assertThat(engine.evaluate(CaseJson.parseCase(taxCase())).handling()).isEqualTo(Handling.NO_PENALTY);

                    Health h = ctx.getBean(DiscretionHealthIndicator.class).health();
                    assertThat(h.getStatus()).isEqualTo(Status.UP);
                    assertThat(h.getDetails()).containsEntry("reloadable", true).containsEntry("lastReload", "REJECTED");
                    assertThat((String) h.getDetails().get("lastReloadError")).contains("rules.drl");
                    assertThat(ctx.getBean(MeterRegistry.class).get("discretion.reloads").tag("outcome", "REJECTED")
                            .counter().count()).isEqualTo(1.0);
                });
    }
}
