package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.InvalidCaseException;

/**
 * Fuzzed and mutated JSON: whatever the input, reading and evaluating it yields, for each case, a decision with a
 * basis (or the missing facts) or an {@link InvalidCaseException} with a message — never another exception.
 */
class JsonFuzzTest {
    static Path dir;
    static DiscretionEngine engine;
    static final ObjectMapper M = new ObjectMapper();
    static final List<String> FIELDS = List.of("id", "item", "provision", "catalogs", "party", "party.type", "party.age",
            "party.mentalCapacity", "actDate", "actEndDate", "discoveryDate", "decisionDate", "firstOffense",
            "priorViolations", "correction", "severity", "harm", "circumstances", "illegalGains", "penaltyRange",
            "penaltyRange.fineMin", "penaltyRange.fineMax", "facts", "facts.amount");

    @BeforeContainer
    static void build() throws Exception {
        dir = Files.createTempDirectory("discretion-fuzz-");
        engine = Fixtures.engine(Fixtures.write(dir, "1", 1000));
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Parses and evaluates; fails the property on anything but a decision with a basis or an input error. */
    static void check(String text) {
        List<CaseJson.Parsed> parsed = CaseJson.parse(text);
        if (parsed.isEmpty()) {
            // the only input that yields nothing is an empty batch, "[]"
            assertThat(text.replaceAll("\\s", "")).as("parse returned nothing for %s", text).isEqualTo("[]");
        }
        for (CaseJson.Parsed p : parsed) {
            if (!p.ok()) {
                assertThat(p.error().getMessage()).isNotBlank();
                assertThat(p.error().problem()).isNotBlank();
                continue;
            }
            Decision d;
            try {
                d = engine.evaluate(p.input());
            } catch (InvalidCaseException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }
            assertThat(d.handling()).isNotNull();
            if (d.handling() == Handling.INSUFFICIENT_FACTS) {
                assertThat(d.missingFacts()).as("%s -> %s", text, d).isNotEmpty();
            } else {
                assertThat(d.basis()).as("%s -> %s", text, d).isNotEmpty();
            }
        }
    }

    // ---- arbitrary text ---------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"id\"", "\"item\"", "\"FX-1\"",
                "\"party\"", "\"age\"", "-1", "1e400", "0", "12345678901234567890", "null", "true", "\"2024-02-30\"",
                "\"harm\"", "\"NONE\"", "\"facts\"", "\"amount\"", "\n", " ", "\"\\u0000\"", "\"actDate\"", "\"2024-01-01\"");
        return tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void arbitraryJsonishTextNeverEscapes(@ForAll("jsonish") String text) {
        check(text);
    }

    @Property(tries = 200)
    void arbitraryStringsNeverEscape(@ForAll String text) {
        check(text);
    }

    // ---- mutations of valid cases -----------------------------------------------------------------------

    @Provide
    Arbitrary<JsonNode> oddValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.of(f.nullNode(), f.numberNode(-1), f.numberNode(1e300), f.numberNode(Long.MAX_VALUE),
                f.numberNode(new java.math.BigDecimal("1e-400")), f.textNode(""), f.textNode(" "),
                f.textNode("2024-13-01"), f.textNode("2024-02-29"), f.textNode("NONE"), f.textNode("FX-1"),
                f.textNode("九"), f.booleanNode(true), f.arrayNode(), f.objectNode(), f.arrayNode().add(f.objectNode()),
                f.arrayNode().add("HIGH_RISK").add("HIGH_RISK"), f.objectNode().put("x", 1), f.numberNode(200),
                f.textNode("行政处罚法 第28条第1款"), f.textNode("ORGANIZATION"), f.textNode("行政处罚法 第99999999999条"),
                f.textNode("民法典 第一千一百六十五条"));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Property(tries = 600)
    void mutatedValidCasesNeverEscape(@ForAll("validCases") CaseInput c, @ForAll("fields") String field,
                                      @ForAll("oddValues") JsonNode value) {
        ObjectNode o = CaseJson.toJson(c);
        String[] path = field.split("\\.");
        ObjectNode target = o;
        if (path.length == 2) {
            JsonNode inner = o.get(path[0]);
            target = inner instanceof ObjectNode on ? on : o.putObject(path[0]);
        }
        target.set(path[path.length - 1], value);
        check(CaseJson.write(o, false));
    }

    @Property(tries = 300)
    void truncatedOrSplicedCasesNeverEscape(@ForAll("validCases") CaseInput c, @ForAll("cut") int[] cut) {
        String s = CaseJson.write(CaseJson.toJson(c), false);
        int a = Math.min(cut[0], s.length());
        int b = Math.min(a + cut[1], s.length());
        check(s.substring(0, a) + s.substring(b));                 // a slice removed
        check(s.substring(0, a));                                  // truncated
        check(s + "\n" + s.substring(0, a));                       // JSON lines with a broken second line
        check("[" + s + "," + s + "]");                            // a batch (same id twice)
    }

    @Provide
    Arbitrary<int[]> cut() {
        return Combinators.combine(Arbitraries.integers().between(0, 900), Arbitraries.integers().between(0, 40))
                .as((x, y) -> new int[] {x, y});
    }

    @Provide
    Arbitrary<CaseInput> validCases() {
        return Generators.cases();
    }

    @Property(tries = 20)
    void deepNestingIsRejectedAsInput(@ForAll("depth") int depth) {
        String deep = "{\"id\":\"deep\",\"facts\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        List<CaseJson.Parsed> parsed = CaseJson.parse(deep);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).ok()).isFalse();
        assertThat(parsed.get(0).error().getMessage()).isNotBlank();
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(21, 5000);
    }
}
