package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.discretion.rules.api.DiscretionException;

/** A service whose catalogs do not load says why in the engine's words, not with a bean-creation stack trace. */
class CatalogFailureAnalyzerTest {
    @Test
    void aCatalogErrorDeepInsideTheContextFailureIsDescribedInTheEnginesWords() throws IOException {
        Throwable failure = new IllegalStateException("Error creating bean with name 'engineService'",
                new RuntimeException("Failed to instantiate", new DiscretionException("no catalog in /tmp/x: give a catalog folder")));
        FailureAnalysis a = new CatalogFailureAnalyzer().analyze(failure);
        assertThat(a.getDescription()).isEqualTo("The catalogs could not be loaded: no catalog in /tmp/x: give a catalog folder");
        assertThat(a.getAction()).contains("./discretion check");
        // registered, so Spring Boot uses it at start-up
        try (var in = getClass().getResourceAsStream("/META-INF/spring.factories")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(CatalogFailureAnalyzer.class.getName());
        }
    }
}
