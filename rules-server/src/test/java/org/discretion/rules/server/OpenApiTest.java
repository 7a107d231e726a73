package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description the service serves is the one committed in docs/openapi.json: an API change shows in
 * review. {@code -Dopenapi.write=true} rewrites the file.
 */
class OpenApiTest extends ServerTestBase {
    static final Path COMMITTED = Path.of("../docs/openapi.json").toAbsolutePath();

    @Test
    void servedDescriptionEqualsTheCommittedOne() throws Exception {
        JsonNode served = json(get("/v3/api-docs"));
        assertThat(served.get("paths").has("/v1/decisions")).isTrue();
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json (write it with -Dopenapi.write=true)").isTrue();
        assertThat(JSON.readTree(Files.readString(COMMITTED))).as(
                "docs/openapi.json is out of date: rerun with -Dopenapi.write=true and review the diff").isEqualTo(served);
    }
}
