package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Every request case is validated against the case schema v1 before it is decided (same Spring context as
 * {@link ServiceTest}): a case the schema refuses gets one 422 problem with its id, the field and a message, and
 * every schema violation under {@code schemaErrors}; the other cases of the batch are decided.
 */
class SchemaValidationTest extends ServerTestBase {
    static final Path EXAMPLES = Path.of("../examples/cases").toAbsolutePath();

    @Test
    void wrongTypeUnknownEnumValueAndUnknownFieldAreEachReportedWithTheirFieldWhileTheGoodCaseIsDecided() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("tax-first-offense.json"));
        HttpResponse<String> r = post("/v1/decisions", "["
                + "{\"id\":\"type-1\",\"party\":{\"type\":\"INDIVIDUAL\",\"age\":\"x\"}},"
                + good + ","
                + "{\"id\":\"enum-1\",\"severity\":\"HUGE\"},"
                + "{\"id\":\"field-1\",\"party\":{\"type\":\"INDIVIDUAL\",\"colour\":\"red\"}},"
                + "{\"id\":\"div-1\",\"agency\":{\"name\":\"滑县市场监督管理局\",\"divisionCode\":\"4105\"}}]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = json(r);
        assertThat(a.size()).isEqualTo(5);

        assertThat(a.get(1).get("id").asText()).isEqualTo("2024-税-017");
        assertThat(a.get(1).get("handling").asText()).isEqualTo("NO_PENALTY");

        JsonNode type = problem(a.get(0), 0, "type-1", "party.age");
        assertThat(type.get("detail").asText()).startsWith("case \"type-1\", field \"party.age\": ").contains("\"x\"");
        assertThat(schemaErrors(type)).containsExactly("party.age");
        assertThat(type.get("schemaErrors").get(0).get("message").asText()).contains("integer");

        JsonNode en = problem(a.get(2), 2, "enum-1", "severity");
        assertThat(en.get("problem").asText()).contains("HUGE");
        assertThat(schemaErrors(en)).containsExactly("severity");
        assertThat(en.get("schemaErrors").get(0).get("message").asText()).contains("enum");

        JsonNode unknown = problem(a.get(3), 3, "field-1", "party.colour");
        assertThat(unknown.get("problem").asText()).contains("unknown field");
        assertThat(schemaErrors(unknown)).containsExactly("party.colour");

        // both refuse: the engine's message is the one shown (the command line's), the schema's is listed
        JsonNode div = problem(a.get(4), 4, "div-1", "agency.divisionCode");
        assertThat(div.get("problem").asText()).contains("six-digit administrative division code");
        assertThat(schemaErrors(div)).containsExactly("agency.divisionCode");
        assertThat(div.get("schemaErrors").get(0).get("message").asText()).contains("^[0-9]{6}$");
    }

    @Test
    void oneCaseRefusedByBothIsOne422WithTheEnginesMessageAndTheSchemasViolations() throws Exception {
        // an organization has no age: the schema's if/then on party.type, and the engine's own rule
        HttpResponse<String> r = post("/v1/decisions",
                "{\"id\":\"org-1\",\"item\":\"TAX-1\",\"party\":{\"type\":\"ORGANIZATION\",\"age\":30},"
                        + "\"priorViolations\":[{\"item\":\"TAX-1\"}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("caseId").asText()).isEqualTo("org-1");
        assertThat(p.has("index")).isFalse();
        assertThat(p.get("field").asText()).isEqualTo("party.age");
        assertThat(p.get("detail").asText()).isEqualTo("case \"org-1\", field \"party.age\": an ORGANIZATION has no age or mental capacity");
        // every violation the schema finds, the missing date of the prior violation included
        assertThat(schemaErrors(p)).containsExactlyInAnyOrder("party.age", "priorViolations[0].date");
    }

    @Test
    void aCaseTheEngineRefusesOnlyWhenDecidingHasNoSchemaErrors() throws Exception {
        HttpResponse<String> r = post("/v1/decisions", "{\"id\":\"u\",\"item\":\"NO-SUCH-ITEM\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode p = json(r);
        assertThat(p.get("field").asText()).isEqualTo("item");
        assertThat(p.has("schemaErrors")).isFalse();
    }

    @Test
    void everyShippedExampleCasePassesTheSchemaAndIsDecided() throws Exception {
        try (var files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                HttpResponse<String> r = post("/v1/decisions", Files.readString(f));
                assertThat(r.statusCode()).as(f.getFileName() + ": " + r.body()).isEqualTo(200);
            }
        }
    }

    private static JsonNode problem(JsonNode p, int index, String id, String field) {
        assertThat(p.get("type").asText()).as(p.toString()).isEqualTo("urn:discretion-rules:problem:invalid-case");
        assertThat(p.get("status").asInt()).isEqualTo(422);
        assertThat(p.get("index").asInt()).isEqualTo(index);
        assertThat(p.get("caseId").asText()).isEqualTo(id);
        assertThat(p.get("field").asText()).isEqualTo(field);
        return p;
    }

    private static java.util.List<String> schemaErrors(JsonNode p) {
        assertThat(p.has("schemaErrors")).as(p.toString()).isTrue();
        return p.get("schemaErrors").findValuesAsText("field");
    }
}
