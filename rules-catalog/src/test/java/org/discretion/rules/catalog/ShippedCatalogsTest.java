package org.discretion.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Party;

/**
 * The shipped catalogs through the engine: they build (DRL compiles, every citation resolves), and every item can
 * be found by its id and — where the list gives a violated provision — by that provision. Item behaviour is tested
 * by the scenario files in rules-examples/src/test/resources/scenarios/catalogs.
 */
class ShippedCatalogsTest {

    record Item(String catalog, String id, List<String> violationBasis) {
    }

    static DiscretionEngine engine;
    static final List<Item> items = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        engine = DiscretionEngine.builder().classpathCatalogs().build();
        YAMLMapper yaml = new YAMLMapper();
        try (InputStream in = ShippedCatalogsTest.class.getResourceAsStream("/META-INF/discretion-rules.index")) {
            // the first index on the class path is this module's (target/classes precedes dependency jars)
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("catalog ")) continue;
                String folder = line.substring("catalog ".length()).strip();
                try (InputStream c = ShippedCatalogsTest.class.getResourceAsStream("/" + folder + "/catalog.yaml")) {
                    JsonNode cat = yaml.readTree(c);
                    for (JsonNode it : cat.path("items")) {
                        List<String> vb = new ArrayList<>();
                        it.path("violationBasis").forEach(v -> vb.add(v.asText()));
                        items.add(new Item(cat.path("id").asText(), it.path("id").asText(), vb));
                    }
                }
            }
        }
        assertThat(items).hasSize(CatalogFilesTest.EXPECTED_IDS.size());
    }

    private static CaseInput.Builder base(String id) {
        return CaseInput.builder(id).party(Party.organization()).actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 2, 1)).decisionDate(LocalDate.of(2024, 3, 1));
    }

    private static boolean considered(Decision d, String item) {
        return d.whyNot().stream().map(GroundReport::id).anyMatch(item::equals);
    }

    @Test
    void everyItemIsFoundByItsId() {
        for (Item it : items) {
            Decision d = engine.evaluate(base("by-id-" + it.id()).item(it.id()).build());
            assertThat(considered(d, it.id())).as("%s considered when the case names it", it.id()).isTrue();
        }
    }

    @Test
    void everyItemWithAViolatedProvisionIsFoundByIt() {
        List<String> notFound = new ArrayList<>();
        for (Item it : items) {
            for (String provision : it.violationBasis()) {
                // a case names the provision without a version: 发票管理办法(2019年修订) 第35条… -> 发票管理办法 第35条…
                String asCaseWritesIt = provision.replaceAll("\\([^)]*\\)", "");
                Decision d = engine.evaluate(base("by-provision-" + it.id()).provision(asCaseWritesIt).build());
                if (!considered(d, it.id())) notFound.add(it.id() + " by " + provision);
            }
        }
        assertThat(notFound).isEmpty();
    }

    @Test
    void withoutRulesPrebuiltOnTheClassPathTheEngineCompilesAtRunTime() {
        // an embedder with rules-catalog alone: no prebuilt rules, a working engine all the same
        assertThat(ShippedCatalogsTest.class.getClassLoader().getResource(
                org.discretion.rules.internal.Prebuilt.INDEX)).isNull();
        assertThat(((org.discretion.rules.internal.EngineImpl) engine).ruleBase().prebuilt()).isFalse();
    }

    @Test
    void aCaseNamingOnlyAProvisionConsidersEveryItemOnIt() {
        Decision d = engine.evaluate(base("by-provision-62").provision("《税收征收管理法》第六十二条").build());
        assertThat(considered(d, "TAX-3")).isTrue();
        assertThat(considered(d, "TAX-8")).isTrue();
        assertThat(considered(d, "TAX-1")).isFalse();
    }
}
