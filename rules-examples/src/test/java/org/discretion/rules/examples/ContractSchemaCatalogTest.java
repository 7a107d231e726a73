package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioSuite;
import org.discretion.rules.tooling.ContractSchema;

/**
 * The schemas against the shipped catalogs: the committed per-catalog facts schemas ({@code docs/schema/catalogs/})
 * are what {@link ContractSchema#factsSchemas} generates from the catalogs ({@code -Dschema.write=true} rewrites
 * them), every scenario case validates against the case schema and every catalog's facts schema, and every
 * decision of the golden file (examples, scenarios and generated cases over every shipped catalog) validates
 * against the decision schema.
 */
class ContractSchemaCatalogTest {
    static final Path DOCS = Path.of("../docs/schema");
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> SCHEMA_EXPRESSIBLE = List.of("unknown field", "must not be negative", "is not one of",
            "has no age", "must be a", "must be true or false", "must be text");

    static SchemaRegistry registry;
    static Map<String, String> generated;
    static Schema caseSchema;
    static Schema decisionSchema;
    static final Map<String, Schema> CATALOG_SCHEMAS = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        generated = ContractSchema.factsSchemas(ContractSchemaCatalogTest.class.getClassLoader());
        if (Boolean.getBoolean("schema.write")) {
            Path dir = DOCS.resolve("catalogs");
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            for (var e : generated.entrySet()) Files.writeString(DOCS.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        // the files as committed (not the class-path copies, which lag one build behind a rewrite)
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                        .schemas(ContractSchemaCatalogTest::committed));
        caseSchema = registry.getSchema(SchemaLocation.of(ContractSchema.ID_BASE + ContractSchema.CASE));
        decisionSchema = registry.getSchema(SchemaLocation.of(ContractSchema.ID_BASE + ContractSchema.DECISION));
        for (String file : generated.keySet()) {
            CATALOG_SCHEMAS.put(file, registry.getSchema(SchemaLocation.of(ContractSchema.ID_BASE + file)));
        }
    }

    /** The committed text of a schema, by its $id (never fetched from the network). */
    static String committed(String id) {
        if (!id.startsWith(ContractSchema.ID_BASE)) return null;
        try {
            return Files.readString(DOCS.resolve(id.substring(ContractSchema.ID_BASE.length())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> errors(Schema s, JsonNode doc) {
        return s.validate(doc).stream().map(Error::toString).toList();
    }

    @Test
    void committedFactsSchemasAreTheGeneratedOnes() throws IOException {
        assertThat(generated).as("one facts schema per shipped catalog").hasSizeGreaterThanOrEqualTo(10)
                .containsKey(ContractSchema.factsFile("tax_first_2021"));
        Set<String> committed = new TreeSet<>();
        try (Stream<Path> s = Files.list(DOCS.resolve("catalogs"))) {
            s.forEach(p -> committed.add("catalogs/" + p.getFileName()));
        }
        assertThat(committed).as("docs/schema/catalogs/ holds exactly the generated files; rewrite them with "
                + "mvn test -pl rules-examples -am -Dtest=ContractSchemaCatalogTest -Dschema.write=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false").isEqualTo(generated.keySet());
        for (var e : generated.entrySet()) {
            assertThat(Files.readString(DOCS.resolve(e.getKey()), StandardCharsets.UTF_8))
                    .as(e.getKey() + " is stale: rewrite it with -Dschema.write=true").isEqualTo(e.getValue());
        }
    }

    /** A catalog schema names each declared fact with its type, and refuses a wrong type or an undeclared fact. */
    @Test
    void aCatalogSchemaNamesTheFactsOfItsItems() throws IOException {
        JsonNode fire = JSON.readTree(generated.get(ContractSchema.factsFile("sh_fire_2026")));
        JsonNode defs = fire.get("$defs");
        List<String> declared = new ArrayList<>();
        defs.fields().forEachRemaining(e -> e.getValue().get("properties").fieldNames().forEachRemaining(declared::add));
        assertThat(declared).isNotEmpty();
        String item = null;
        String fact = null;
        JsonNode spec = null;
        for (var it = defs.fields(); it.hasNext() && item == null; ) {
            var e = it.next();
            if (e.getValue().get("properties").size() > 0) {
                item = e.getKey();
                var f = e.getValue().get("properties").fields().next();
                fact = f.getKey();
                spec = f.getValue();
            }
        }
        Schema s = CATALOG_SCHEMAS.get(ContractSchema.factsFile("sh_fire_2026"));
        String type = spec.get("type").get(0).asText();
        String good = type.equals("number") ? "1" : type.equals("boolean") ? "true" : "\"2024-01-01\"";
        String bad = type.equals("boolean") ? "\"是\"" : "[1]";
        assertThat(errors(s, JSON.readTree("{\"item\":\"" + item + "\",\"facts\":{\"" + fact + "\":" + good + "}}"))).isEmpty();
        assertThat(errors(s, JSON.readTree("{\"item\":\"" + item + "\",\"facts\":{\"" + fact + "\":null}}"))).isEmpty();
        assertThat(errors(s, JSON.readTree("{\"item\":\"" + item + "\",\"facts\":{\"" + fact + "\":" + bad + "}}")))
                .isNotEmpty();
        assertThat(errors(s, JSON.readTree("{\"item\":\"" + item + "\",\"facts\":{\"noSuchFact\":1}}")))
                .as("an undeclared fact").isNotEmpty();
        // and the case schema itself applies (a catalog schema is a case schema)
        assertThat(errors(s, JSON.readTree("{\"item\":\"" + item + "\",\"severty\":\"MINOR\"}"))).isNotEmpty();
    }

    /**
     * Every scenario case the engine accepts validates against the case schema and each catalog's facts schema; a
     * scenario that expects the case refused for a reason a schema can state (an unknown field, a negative amount, a
     * value outside an enumeration, a wrong type) is refused by a schema too.
     */
    @Test
    void everyScenarioCaseValidates() {
        int accepted = 0;
        int refused = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : ScenarioLoader.find(ScenarioSuitesTest.SCENARIOS)) {
            ScenarioSuite suite = ScenarioLoader.load(f);
            for (Scenario sc : suite.scenarios()) {
                ObjectNode json = suite.caseOf(sc);
                List<String> errs = new ArrayList<>(errors(caseSchema, json));
                for (Schema cs : CATALOG_SCHEMAS.values()) errs.addAll(errors(cs, json));
                String where = f.getFileName() + ":" + sc.line() + " \"" + sc.name() + "\"";
                if (sc.expect().error() == null) {
                    accepted++;
                    if (!errs.isEmpty()) problems.add(where + ": " + errs);
                } else if (SCHEMA_EXPRESSIBLE.stream().anyMatch(m -> String.valueOf(sc.expect().error().message()).contains(m))) {
                    refused++;
                    if (errs.isEmpty()) problems.add(where + ": expects " + sc.expect().error() + " but every schema accepts it");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(accepted).isGreaterThan(200);
        assertThat(refused).as("invalid-input scenarios a schema can refuse").isGreaterThanOrEqualTo(2);
    }

    /** Every decision the golden file holds (examples, scenarios, 1200 generated cases) validates. */
    @Test
    void everyGoldenDecisionValidates() throws IOException {
        int decisions = 0;
        List<String> problems = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(DecisionGoldenTest.GOLDEN)), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                String json = l.substring(l.indexOf('\t') + 1);
                if (json.startsWith("ERROR ")) continue;
                decisions++;
                List<String> errs = errors(decisionSchema, JSON.readTree(json));
                if (!errs.isEmpty() && problems.size() < 20) problems.add(l.substring(0, l.indexOf('\t')) + ": " + errs);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(decisions).isGreaterThan(1000);
    }
}
