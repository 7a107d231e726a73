package org.discretion.rules.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.discretion.rules.Engines;
import org.discretion.rules.api.Agency;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Citation;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.Duty;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.api.PriorViolation;
import org.discretion.rules.api.Severity;
import org.discretion.rules.tooling.ContractSchema;

/**
 * The JSON Schema of contract v1 ({@code docs/schema/}) against the Java types it describes: every field of the
 * types is in the schema and every schema property is a field; what {@link CaseJson} writes validates; what it
 * refuses for a reason a schema can express, the schema refuses too; the shipped examples validate; the class-path
 * copies are the committed files.
 *
 * <p>When a field is added to the contract, the first two tests name it: add it to the schema file they name.
 */
class ContractSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DOCS = Path.of("../docs/schema");
    static final Path EXAMPLES = Path.of("../examples/cases");

    static JsonNode schema(String name) {
        try {
            return JSON.readTree(ContractSchema.read(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the schema names the fields of the Java types, and nothing else ----------------------------------------

    @Test
    void caseSchemaNamesEveryFieldOfTheCaseTypesAndNoOther() {
        JsonNode s = schema(ContractSchema.CASE);
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("", CaseInput.class);
        types.put("party", Party.class);
        types.put("agency", Agency.class);
        types.put("priorViolations[]", PriorViolation.class);
        types.put("penaltyRange", PenaltyRange.class);
        List<String> problems = new ArrayList<>();
        for (var e : types.entrySet()) {
            JsonNode at = e.getKey().isEmpty() ? s : e.getKey().endsWith("[]")
                    ? s.at("/properties/" + e.getKey().replace("[]", "") + "/items")
                    : s.at("/properties/" + e.getKey());
            compare(ContractSchema.CASE, e.getKey(), components(e.getValue()), properties(at), problems);
        }
        // and what CaseJson writes (every contract field, unknown ones as null) is what the schema names
        ObjectNode written = CaseJson.toJson(fullCase());
        compare(ContractSchema.CASE, "(CaseJson.toJson)", keys(written), properties(s), problems);
        compare(ContractSchema.CASE, "party (CaseJson.toJson)", keys(written.get("party")), properties(s.at("/properties/party")), problems);
        compare(ContractSchema.CASE, "agency (CaseJson.toJson)", keys(written.get("agency")), properties(s.at("/properties/agency")), problems);
        assertThat(problems).as("docs/schema/" + ContractSchema.CASE + " and the Java types disagree").isEmpty();
    }

    @Test
    void decisionSchemaNamesEveryComponentOfTheDecisionTypesAndNoOther() {
        JsonNode s = schema(ContractSchema.DECISION);
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("", Decision.class);
        types.put("matchedItem", MatchedItem.class);
        types.put("citation", Citation.class);
        types.put("duty", Duty.class);
        types.put("fineRange", FineRange.class);
        types.put("missingFact", MissingFact.class);
        types.put("groundReport", GroundReport.class);
        types.put("conditionReport", ConditionReport.class);
        types.put("catalogVersion", CatalogVersion.class);
        List<String> problems = new ArrayList<>();
        for (var e : types.entrySet()) {
            JsonNode at = e.getKey().isEmpty() ? s : s.at("/$defs/" + e.getKey());
            Set<String> java = components(e.getValue());
            compare(ContractSchema.DECISION, e.getKey(), java, properties(at), problems);
            // Jackson writes every component, null or not: a client may rely on each being present
            Set<String> required = new TreeSet<>();
            at.path("required").forEach(r -> required.add(r.asText()));
            if (!required.equals(java)) {
                problems.add(where(e.getKey()) + ": \"required\" must list every component " + java + ", lists " + required);
            }
        }
        assertThat(problems).as("docs/schema/" + ContractSchema.DECISION + " and the Java types disagree").isEmpty();
    }

    private static void compare(String file, String where, Set<String> java, Set<String> schema, List<String> problems) {
        Set<String> missing = new TreeSet<>(java);
        missing.removeAll(schema);
        Set<String> extra = new TreeSet<>(schema);
        extra.removeAll(java);
        if (!missing.isEmpty()) {
            problems.add(where(where) + ": fields of the Java type missing from docs/schema/" + file + ": " + missing
                    + " — add them to the schema (type, null for unknown, description)");
        }
        if (!extra.isEmpty()) {
            problems.add(where(where) + ": schema properties that are no field of the Java type: " + extra);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }

    static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> properties(JsonNode objectSchema) {
        assertThat(objectSchema.path("properties").isObject()).as("schema node has properties: " + objectSchema).isTrue();
        return keys(objectSchema.get("properties"));
    }

    static Set<String> keys(JsonNode o) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    // ---- what the engine writes validates --------------------------------------------------------------------

    static CaseInput fullCase() {
        return CaseInput.builder("全-1").item("FXN-1").provision("行政处罚法 第28条第1款").catalogs("fixture_new_list")
                .party(new Party(PartyType.INDIVIDUAL, 30, MentalCapacity.FULL).bornOn(LocalDate.of(1994, 1, 2))
                        .named("张三", "110101199401020011"))
                .actDate(LocalDate.of(2024, 3, 5)).actEndDate(LocalDate.of(2024, 3, 6))
                .discoveryDate(LocalDate.of(2024, 3, 20)).decisionDate(LocalDate.of(2024, 4, 2))
                .firstOffense(true).priorViolations(List.of(new PriorViolation(LocalDate.of(2020, 1, 1), "FXN-1", null)))
                .correction(Correction.ON_THE_SPOT).severity(Severity.MINOR).harm(Harm.NONE)
                .circumstances(Circumstance.ELIMINATED_HARM).illegalGains(new BigDecimal("12.50"))
                .penaltyRange(new PenaltyRange(new BigDecimal("500"), new BigDecimal("5000"), null, null, "处五百元以上五千元以下罚款"))
                .caseNumber("滑市监罚〔2024〕17号").agency(new Agency("滑县市场监督管理局", "410526"))
                .factsFound("经查，当事人……").evidence("现场检查笔录", "询问笔录")
                .build();
    }

    @Provide
    Arbitrary<CaseInput> cases() {
        Arbitrary<Party> party = Arbitraries.oneOf(Arbitraries.just(Party.UNKNOWN), Arbitraries.just(Party.organization()),
                Combinators.combine(Arbitraries.of(PartyType.INDIVIDUAL, PartyType.INDIVIDUAL_BUSINESS),
                        Arbitraries.integers().between(0, 99).injectNull(0.3), Arbitraries.of(MentalCapacity.class).injectNull(0.3),
                        Arbitraries.integers().between(0, 30000).injectNull(0.5),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).injectNull(0.5))
                        .as((t, age, cap, born, name) -> new Party(t, age, cap,
                                born == null ? null : LocalDate.of(1950, 1, 1).plusDays(born), name, name == null ? null : "ID-" + name)));
        Arbitrary<LocalDate> act = Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2018, 1, 1).plusDays(d)).injectNull(0.2);
        Arbitrary<Object[]> rest = Combinators.combine(Arbitraries.of(Correction.class).injectNull(0.2),
                Arbitraries.of(Severity.class).injectNull(0.2), Arbitraries.of(Harm.class).injectNull(0.2),
                Arbitraries.of(true, false).injectNull(0.3), Arbitraries.of(Circumstance.class).set().ofMaxSize(3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2).injectNull(0.5),
                Arbitraries.integers().between(0, 3)).as((c, s, h, f, ci, g, n) -> new Object[] {c, s, h, f, ci, g, n});
        return Combinators.combine(Arbitraries.of("FXN-1", "FXO-1", "FXM-1").injectNull(0.4), party, act, rest,
                Arbitraries.integers().between(0, 400)).as((item, p, a, r, days) -> {
            int n = (Integer) r[6];
            CaseInput.Builder b = CaseInput.builder("r-" + days).item(item).party(p).actDate(a)
                    .discoveryDate(a == null ? null : a.plusDays(days)).decisionDate(a == null ? null : a.plusDays(days + 10L))
                    .correction((Correction) r[0]).severity((Severity) r[1]).harm((Harm) r[2]).firstOffense((Boolean) r[3])
                    .circumstances(((Set<?>) r[4]).toArray(new Circumstance[0])).illegalGains((BigDecimal) r[5]);
            if (n == 1) b.penaltyRange(PenaltyRange.fine(1000, 10000)).caseNumber("案-" + days);
            if (n == 2) b.agency(new Agency("某局", "4105" + String.format("%02d", days % 100))).evidence("笔录" + days);
            if (n == 3) b.factsFound("经查明……").agency(new Agency(null, "410526"));
            return b.build();
        });
    }

    /** What CaseJson writes validates, reads back as the same case, and the engine's decision on it validates too. */
    @Property(tries = 100)
    void writtenCasesAndTheirDecisionsValidate(@ForAll("cases") CaseInput c) {
        ObjectNode json = CaseJson.toJson(c);
        assertThat(Schemas.errors(Schemas.CASE, json)).as(json.toString()).isEmpty();
        // read back, it is the same case (amounts compared by value: the reader reads 437.50 as 437.5, issue 12)
        CaseInput back = CaseJson.parseCase(CaseJson.write(json, false));
        assertThat(back).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(c);
        Evaluation e = Engines.withFixtures().evaluateAll(List.of(c)).get(0);
        if (e.ok()) {
            JsonNode d = CaseJson.toJson(e.decision());
            assertThat(Schemas.errors(Schemas.DECISION, d)).as(d.toString()).isEmpty();
        } else {
            assertThat(Schemas.errors(Schemas.CASE_ERROR, CaseJson.errorJson(e.error()))).isEmpty();
        }
    }

    @Test
    void aFullCaseAndItsDecisionValidate() {
        ObjectNode json = CaseJson.toJson(fullCase());
        assertThat(Schemas.errors(Schemas.CASE, json)).isEmpty();
        JsonNode d = CaseJson.toJson(Engines.withFixtures().evaluate(fullCase()));
        assertThat(Schemas.errors(Schemas.DECISION, d)).isEmpty();
        // the schema is not vacuous: a decision without its handling, or with an invented one, is refused
        ObjectNode bad = ((ObjectNode) d.deepCopy());
        bad.remove("handling");
        assertThat(Schemas.errors(Schemas.DECISION, bad)).singleElement().asString().contains("handling");
        bad.put("handling", "PENALIZE");
        assertThat(Schemas.errors(Schemas.DECISION, bad)).isNotEmpty();
    }

    /**
     * The schema refuses what the reader refuses, wherever a schema can say it (an order between two dates, or a
     * fact's type that depends on the item, it cannot: those stay with the reader and the catalog schemas).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            party.age                 | {"id":"x","party":{"type":"INDIVIDUAL","age":-1}}
            party.age                 | {"id":"x","party":{"type":"INDIVIDUAL","age":12.5}}
            party.age                 | {"id":"x","party":{"type":"ORGANIZATION","age":30}}
            party.birthDate           | {"id":"x","party":{"type":"ORGANIZATION","birthDate":"1990-01-01"}}
            party.birthDate           | {"id":"x","party":{"type":"INDIVIDUAL","birthDate":"1990-02-30"}}
            party.type                | {"id":"x","party":{"type":"PERSON"}}
            party.nickname            | {"id":"x","party":{"nickname":"x"}}
            agency.divisionCode       | {"id":"x","agency":{"divisionCode":"41052"}}
            agency.name               | {"id":"x","agency":{"name":"  "}}
            agency.code               | {"id":"x","agency":{"code":"410526"}}
            caseNumber                | {"id":"x","caseNumber":""}
            evidence[0]               | {"id":"x","evidence":[" "]}
            evidence                  | {"id":"x","evidence":"笔录"}
            factsFound                | {"id":"x","factsFound":7}
            actDate                   | {"id":"x","actDate":"2024-13-01"}
            actDate                   | {"id":"x","actDate":"5.3.2024"}
            item                      | {"id":"x","item":""}
            correction                | {"id":"x","correction":"LATE"}
            circumstances[0]          | {"id":"x","circumstances":["GOOD_FAITH"]}
            illegalGains              | {"id":"x","illegalGains":-5}
            illegalGains              | {"id":"x","illegalGains":"500"}
            firstOffense              | {"id":"x","firstOffense":"yes"}
            priorViolations[0].date   | {"id":"x","priorViolations":[{"item":"TAX-1"}]}
            penaltyRange.fineMin      | {"id":"x","penaltyRange":{"fineMin":-1}}
            penaltyRange.fine         | {"id":"x","penaltyRange":{"fine":1}}
            facts.x                   | {"id":"x","facts":{"x":[1]}}
            severty                   | {"id":"x","severty":"MINOR"}
            """)
    void theSchemaRefusesWhatTheReaderRefuses(String field, String json) throws IOException {
        assertThatThrownBy(() -> CaseJson.parseCase(json)).isInstanceOf(InvalidCaseException.class)
                .extracting(e -> ((InvalidCaseException) e).field()).isEqualTo(field);
        assertThat(Schemas.errors(Schemas.CASE, JSON.readTree(json))).as(json).isNotEmpty();
    }

    /** Unknown is null or absent, never a default: a case of nothing but nulls is a valid case. */
    @Test
    void nullsAreUnknownAndValid() throws IOException {
        ObjectNode json = CaseJson.toJson(CaseInput.builder("空").build());
        assertThat(Schemas.errors(Schemas.CASE, json)).isEmpty();
        assertThat(Schemas.errors(Schemas.CASE, JSON.readTree("{}"))).isEmpty();
    }

    // ---- shipped examples ---------------------------------------------------------------------------------------

    /** Every example case, and every line of a JSON-lines example that the reader accepts, validates. */
    @Test
    void everyExampleCaseValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int validated = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<String> docs = f.toString().endsWith(".jsonl") ? text.lines().filter(l -> !l.isBlank()).toList() : List.of(text);
            for (String doc : docs) {
                List<CaseJson.Parsed> parsed = CaseJson.parse(doc);
                if (parsed.size() != 1 || !parsed.get(0).ok()) continue; // a deliberately bad line of batch-with-errors
                JsonNode tree = JSON.readTree(doc);
                assertThat(Schemas.errors(Schemas.CASE, tree)).as(f.getFileName() + ": " + doc).isEmpty();
                validated++;
            }
        }
        assertThat(validated).isGreaterThanOrEqualTo(files.size());
    }

    // ---- an agency's own catalogs -------------------------------------------------------------------------

    /** The facts schema of a catalog folder names each item's facts with type and unit, and is applied by item. */
    @Test
    void aCatalogFolderGetsFactsSchemasNamingItsItemsFacts() throws IOException {
        Map<String, String> files = ContractSchema.factsSchemas(Engines.fixtureDir());
        assertThat(files).containsOnlyKeys(ContractSchema.factsFile("fixture_mitigated"),
                ContractSchema.factsFile("fixture_new_list"), ContractSchema.factsFile("fixture_old_list"),
                ContractSchema.factsFile("fixture_national"), ContractSchema.factsFile("fixture_lenient_new"),
                ContractSchema.factsFile("fixture_hainan"));
        String text = files.get(ContractSchema.factsFile("fixture_new_list"));
        JsonNode amount = JSON.readTree(text).at("/$defs/FXN-1/properties/amount");
        assertThat(amount.get("title").asText()).isEqualTo("涉及金额");
        assertThat(amount.get("description").asText()).isEqualTo("单位：元");
        assertThat(amount.get("type").toString()).isEqualTo("[\"number\",\"null\"]");
        // validated (the $ref to the case schema resolves to the class-path copy)
        var schema = Schemas.REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of(
                ContractSchema.ID_BASE + ContractSchema.factsFile("fixture_new_list")), JSON.readTree(text));
        assertThat(Schemas.errors(schema, JSON.readTree("{\"item\":\"FXN-1\",\"facts\":{\"amount\":800}}"))).isEmpty();
        assertThat(Schemas.errors(schema, JSON.readTree("{\"item\":\"FXN-1\",\"facts\":{\"amount\":\"800\"}}"))).isNotEmpty();
        assertThat(Schemas.errors(schema, JSON.readTree("{\"item\":\"FXN-1\",\"facts\":{\"amont\":800}}"))).isNotEmpty();
        assertThat(Schemas.errors(schema, JSON.readTree("{\"item\":\"FXN-1\",\"party\":{\"type\":\"X\"}}"))).isNotEmpty();
        // the engine agrees on the wrong type and the undeclared name
        for (String bad : List.of("{\"id\":\"f\",\"item\":\"FXN-1\",\"facts\":{\"amount\":\"800\"}}",
                "{\"id\":\"f\",\"item\":\"FXN-1\",\"facts\":{\"amont\":800}}")) {
            assertThatThrownBy(() -> Engines.withFixtures().evaluate(CaseJson.parseCase(bad))).isInstanceOf(InvalidCaseException.class);
        }
    }

    // ---- the class-path copies -------------------------------------------------------------------------------

    /** A service serves the class-path copies (ContractSchema.read); they are the committed docs/schema files. */
    @Test
    void classpathCopiesAreTheCommittedFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(DOCS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).extracting(p -> DOCS.relativize(p).toString().replace('\\', '/'))
                .contains(ContractSchema.CASE, ContractSchema.DECISION);
        for (Path f : files) {
            String rel = DOCS.relativize(f).toString().replace('\\', '/');
            assertThat(ContractSchema.read(rel)).as(rel).isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
            JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)); // well-formed
        }
        assertThatThrownBy(() -> ContractSchema.read("nope.json")).hasMessageContaining("no schema \"nope.json\"");
    }
}
