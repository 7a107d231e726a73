package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.DiscretionEngine;

/** Starts the service on a free loopback port, talks JSON to it, and stops it. */
class CaseHandlingServiceTest {
    static CaseHandlingService service;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        service = CaseHandlingService.start(DiscretionEngine.builder().classpathCatalogs().build(), 0);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/decisions"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aCaseGetsItsDecision() throws Exception {
        HttpResponse<String> r = post("""
                {"id":"svc-1","item":"TAX-1","party":{"type":"ORGANIZATION"},"actDate":"2024-01-10",
                 "discoveryDate":"2024-02-01","decisionDate":"2024-03-01","firstOffense":true,
                 "correction":"WITHIN_DEADLINE","severity":"MINOR","harm":"MINOR"}""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.get("id").asText()).isEqualTo("svc-1");
        assertThat(d.get("handling").asText()).isEqualTo("NO_PENALTY");
        assertThat(d.get("items").get(0).get("item").asText()).isEqualTo("TAX-1");
        assertThat(d.get("explanation").asText()).contains("不予行政处罚");
    }

    @Test
    void theShippedExampleCaseIsDecided() throws Exception {
        HttpResponse<String> r = post(Files.readString(Path.of("../examples/cases/minor-corrected.json")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("handling").asText()).isNotBlank();
    }

    @Test
    void invalidInputIsA400NamingTheField() throws Exception {
        HttpResponse<String> r = post("{\"id\":\"svc-bad\",\"party\":{\"type\":\"INDIVIDUAL\",\"age\":-1}}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("id").asText()).isEqualTo("svc-bad");
        assertThat(e.get("error").get("field").asText()).isEqualTo("party.age");
        assertThat(e.get("error").get("message").asText()).isEqualTo("case \"svc-bad\", field \"party.age\": must not be negative (was -1)");
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                + "/decisions")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }
}
