package org.discretion.rules.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;

import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Settings;
import org.discretion.rules.spring.DiscretionHealthIndicator;

/** The example application starts, gets its engine from the starter and decides the shipped example case. */
@SpringBootTest
class CaseHandlingApplicationTest {
    @Autowired DecisionService service;
    @Autowired DiscretionEngine engine;
    @Autowired Settings settings;
    @Autowired DiscretionHealthIndicator health; // Actuator shows it as the "discretion" health component
    @Autowired MeterRegistry meters;

    @Test
    void decidesTheExampleCaseWithTheStartersEngine() throws Exception {
        String json = Files.readString(Path.of("../examples/cases/tax-first-offense.json"), StandardCharsets.UTF_8);
        JsonNode out = new ObjectMapper().readTree(service.decide(json));
        assertThat(out).hasSize(1);
        JsonNode d = out.get(0);
        assertThat(d.get("id").asText()).isEqualTo("2024-税-017");
        assertThat(d.get("handling").asText()).isEqualTo("NO_PENALTY");
        assertThat(d.get("mandatory").asBoolean()).isTrue();
        assertThat(d.get("items").get(0).get("item").asText()).isEqualTo("TAX-1");
        assertThat(d.get("basis").toString()).contains("第三十三条");
        // application.yml reached the engine's settings
        assertThat(settings.huaxianExclusion()).isTrue();
        // the engine's health is UP, and Micrometer counted the decision
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("discretion.decisions").tag("handling", "NO_PENALTY").counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aBadCaseInABatchGetsItsErrorAndTheOthersAreDecided() throws Exception {
        String batch = "{\"id\":\"a\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2024-01-10\"}\n"
                + "{\"id\":\"b\",\"party\":{\"type\":\"ORGANIZATION\",\"age\":30}}\n";
        JsonNode out = new ObjectMapper().readTree(service.decide(batch));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).has("handling")).isTrue();
        assertThat(out.get(1).get("error").get("field").asText()).isEqualTo("party.age");
    }
}
