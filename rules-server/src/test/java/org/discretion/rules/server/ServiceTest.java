package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The REST endpoints end to end over HTTP, as a case-handling system calls them. */
class ServiceTest extends ServerTestBase {
    static final Path EXAMPLES = Path.of("../examples/cases").toAbsolutePath();

    @Test
    void decidesTheExampleCaseWithItsBasis() throws Exception {
        HttpResponse<String> r = post("/v1/decisions", Files.readString(EXAMPLES.resolve("tax-first-offense.json")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = json(r);
        assertThat(d.get("id").asText()).isEqualTo("2024-税-017");
        assertThat(d.get("handling").asText()).isEqualTo("NO_PENALTY");
        assertThat(d.get("mandatory").asBoolean()).isTrue();
        assertThat(d.get("items").get(0).get("item").asText()).isEqualTo("TAX-1");
        assertThat(d.get("basis").findValuesAsText("reference"))
                .contains("《税务行政处罚“首违不罚”事项清单》（国家税务总局公告2021年第6号）第1项");
    }

    @Test
    void aBadCaseInABatchGetsAProblemWhileTheOthersAreDecided() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("tax-first-offense.json"));
        HttpResponse<String> r = post("/v1/decisions", "[{\"id\":\"bad-1\",\"party\":{\"type\":\"INDIVIDUAL\",\"age\":-3}},"
                + good + "]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = json(r);
        assertThat(a.size()).isEqualTo(2);
        JsonNode p = a.get(0);
        assertThat(p.get("type").asText()).isEqualTo("urn:discretion-rules:problem:invalid-case");
        assertThat(p.get("status").asInt()).isEqualTo(422);
        assertThat(p.get("index").asInt()).isZero();
        assertThat(p.get("caseId").asText()).isEqualTo("bad-1");
        assertThat(p.get("field").asText()).isEqualTo("party.age");
        assertThat(p.get("detail").asText()).isEqualTo("case \"bad-1\", field \"party.age\": must not be negative (was -3)");
        assertThat(a.get(1).get("handling").asText()).isEqualTo("NO_PENALTY");
    }

    @Test
    void oneBadCaseIsA422ProblemNamingTheField() throws Exception {
        HttpResponse<String> r = post("/v1/decisions", "{\"id\":\"x\",\"actDate\":\"2024-13-45\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("caseId").asText()).isEqualTo("x");
        assertThat(p.get("field").asText()).isEqualTo("actDate");
    }

    @Test
    void anUnknownItemIsA422NotAnError() throws Exception {
        HttpResponse<String> r = post("/v1/decisions", "{\"id\":\"u\",\"item\":\"NO-SUCH-ITEM\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("field").asText()).isEqualTo("item");
    }

    @Test
    void malformedJsonAndOversizedRequestsAreRefusedWithAProblem() throws Exception {
        HttpResponse<String> bad = post("/v1/decisions", "{\"id\": ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asText()).startsWith("malformed JSON at line 1");

        HttpResponse<String> trailing = post("/v1/decisions", "{\"id\":\"a\"} {\"id\":\"b\"}");
        assertThat(trailing.statusCode()).isEqualTo(400);
        // said in the contract's words, not Jackson's (no class or feature names)
        assertThat(json(trailing).get("detail").asText()).startsWith("unexpected content after the end of the JSON value")
                .doesNotContain("Jackson", "DeserializationFeature", "com.fasterxml");

        // a number no decimal can hold, and a duplicate key: a 400 in the reader's words, never a 500
        HttpResponse<String> huge = post("/v1/decisions", "{\"id\":\"n\",\"illegalGains\":1e99999999999}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).get("detail").asText()).startsWith("a number is out of range");
        HttpResponse<String> twice = post("/v1/decisions", "{\"id\":\"d\",\"id\":\"e\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice).get("detail").asText()).startsWith("field \"id\": the key appears twice");

        // an empty batch decides nothing: a problem, not a green empty array
        HttpResponse<String> empty = post("/v1/decisions", "[]");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("detail").asText()).startsWith("the batch is empty");

        String six = "[" + String.join(",", List.of("{}", "{}", "{}", "{}", "{}", "{}")) + "]";
        HttpResponse<String> batch = post("/v1/decisions", six);
        assertThat(batch.statusCode()).isEqualTo(413);
        assertThat(json(batch).get("detail").asText()).isEqualTo(
                "batch of 6 cases is larger than the limit of 5 (discretion.limits.max-batch)");

        HttpResponse<String> big = post("/v1/decisions", "{\"id\":\"" + "x".repeat(200_001) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).get("type").asText()).isEqualTo("urn:discretion-rules:problem:too-large");
    }

    @Test
    void listsTheCatalogsAndDescribesOneWithItsDeclaredFacts() throws Exception {
        JsonNode all = json(get("/v1/catalogs"));
        assertThat(all.get("catalogs").findValuesAsText("id")).contains("tax_first_2021", "sh_fire_2026");
        assertThat(all.get("versions").findValuesAsText("id")).contains("statute");

        JsonNode c = json(get("/v1/catalogs/yuhang_scjg_2020_draft"));
        assertThat(c.get("status").asText()).isEqualTo("DRAFT");
        JsonNode item = c.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("YUHANG-1");
        JsonNode months = null;
        for (JsonNode f : item.get("facts")) if (f.get("name").asText().equals("unlicensedMonths")) months = f;
        assertThat(months).isNotNull();
        assertThat(months.get("type").asText()).isEqualTo("NUMBER");
        assertThat(months.get("unit").asText()).isEqualTo("月");
        assertThat(c.get("tables").get(0).get("headers").get(0).asText()).isEqualTo("序号");

        HttpResponse<String> unknown = get("/v1/catalogs/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).startsWith("no catalog \"nope\" is serving; catalogs: ");
    }

    @Test
    void publishesTheListsInEveryFormat() throws Exception {
        HttpResponse<byte[]> xlsx = getBytes("/v1/catalogs/tax_first_2021/publish?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("tax_first_2021.xlsx");

        HttpResponse<byte[]> csv = getBytes("/v1/catalogs/tax_first_2021/publish?format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(text).contains("纳税人未按照税收征收管理法及实施细则等有关规定将其全部银行账号向税务机关报送");

        assertThat(get("/v1/catalogs/tax_first_2021/publish?format=md").body()).contains("| 序号 |");
        assertThat(get("/v1/catalogs/tax_first_2021/publish?format=html").body()).contains("<table");
        HttpResponse<String> pdf = get("/v1/catalogs/tax_first_2021/publish?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(json(pdf).get("detail").asText()).isEqualTo("format must be md, html, csv or xlsx, was \"pdf\"");
    }

    @Test
    void everyDecisionIsLoggedAndTheLogReplaysInTheServiceAndTheCli() throws Exception {
        String theCase = Files.readString(EXAMPLES.resolve("minor-corrected.json")).replace("2024-滑-001", "log-replay-1");
        assertThat(post("/v1/decisions", theCase).statusCode()).isEqualTo(200);
        // the last such line: target/ keeps the log of earlier runs, whose catalogs may have been other content
        String line = Files.readAllLines(DECISION_LOG).stream().filter(l -> l.contains("\"log-replay-1\""))
                .reduce((first, last) -> last).orElseThrow();

        JsonNode replay = json(post("/v1/replay", line));
        assertThat(replay.get("records").asInt()).isEqualTo(1);
        assertThat(replay.get("results").get(0).get("outcome").asText()).isEqualTo("REPRODUCED");

        // the same file is what ./discretion replay reads
        Path one = Files.createTempFile("decision-log", ".jsonl");
        Files.writeString(one, line + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = org.discretion.rules.cli.Main.run(new String[] {"replay", one.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("reproduced identically");
        assertThat(exit).isZero();

        // curl --data-binary without a Content-Type sends a form: the records must still be read
        JsonNode form = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v1/replay")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(line))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(form.get("reproduced").asInt()).isEqualTo(1);

        // a record made with other catalog content is refused, unless the caller asks to compare anyway
        java.util.regex.Matcher statute = java.util.regex.Pattern
                .compile("\"id\":\"statute\",\"version\":\"[^\"]*\",\"contentHash\":\"(sha256:[0-9a-f]+)\"").matcher(line);
        assertThat(statute.find()).isTrue();
        String changed = line.replace(statute.group(1), "sha256:0000000000000000");
        JsonNode refused = json(post("/v1/replay", changed)).get("results").get(0);
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("catalogChanges").get(0).asText()).startsWith("catalog statute: recorded version");
        JsonNode compared = json(post("/v1/replay?allowChangedCatalogs=true", changed)).get("results").get(0);
        assertThat(compared.get("outcome").asText()).isIn("REPRODUCED", "DIFFERENT");
        assertThat(compared.get("handling").asText()).isEqualTo(compared.get("recordedHandling").asText());

        HttpResponse<String> bad = post("/v1/replay", "{\"not\":\"a record\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asText()).startsWith("line 1: ");
    }

    @Test
    void healthReportsTheCatalogVersionsAndMetricsCountDecisions() throws Exception {
        post("/v1/decisions", Files.readString(EXAMPLES.resolve("tax-first-offense.json")));
        JsonNode health = json(get("/actuator/health"));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode catalogs = health.get("components").get("catalogs").get("details");
        assertThat(catalogs.get("versions").get("tax_first_2021").get("contentHash").asText()).startsWith("sha256:");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(json(get("/actuator/health/readiness")).get("components").has("catalogs")).isTrue();

        JsonNode m = json(get("/actuator/metrics/discretion.decisions?tag=handling:NO_PENALTY"));
        assertThat(m.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        post("/v1/decisions", "{\"id\":\"r\",\"harm\":\"NOPE\"}");
        JsonNode rejected = json(get("/actuator/metrics/discretion.inputs.rejected?tag=reason:invalid_case"));
        assertThat(rejected.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(get("/actuator/metrics/discretion.evaluation").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheSchemasWhenTheBuildCarriesThem() throws Exception {
        for (String s : List.of("case", "decision")) {
            HttpResponse<String> r = get("/v1/schema/" + s);
            boolean present = getClass().getClassLoader().getResource("schema/" + s + "-v1.schema.json") != null;
            assertThat(r.statusCode()).isEqualTo(present ? 200 : 404);
            if (present) assertThat(json(r).has("$schema")).isTrue();
            else assertThat(json(r).get("detail").asText()).contains(s + "-v1.schema.json");
        }
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("四张清单规则引擎");
    }
}
