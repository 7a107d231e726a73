package org.discretion.rules.schema;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import org.discretion.rules.tooling.ContractSchema;

/**
 * The committed schemas, loaded from the class path by a maintained 2020-12 validator (networknt), with format
 * assertions on ({@code "format": "date"} is checked, not only annotated). The {@code $id}s are names: they resolve to
 * the class-path copies, never to the network.
 */
public final class Schemas {
    private Schemas() {
    }

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(r -> r.mapPrefix(ContractSchema.ID_BASE, "classpath:" + ContractSchema.RESOURCE_DIR)));

    public static final Schema CASE = load(ContractSchema.CASE);
    public static final Schema DECISION = load(ContractSchema.DECISION);
    public static final Schema CASE_ERROR = REGISTRY.getSchema(
            SchemaLocation.of(ContractSchema.ID_BASE + ContractSchema.DECISION + "#/$defs/caseError"));

    public static Schema load(String name) {
        return REGISTRY.getSchema(SchemaLocation.of(ContractSchema.ID_BASE + name));
    }

    /** The validation errors, one line each; empty when the document is valid. */
    public static List<String> errors(Schema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(Error::toString).toList();
    }
}
