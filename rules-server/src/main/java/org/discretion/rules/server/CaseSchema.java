package org.discretion.rules.server;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import org.discretion.rules.tooling.ContractSchema;

/**
 * The case schema v1 ({@code docs/schema/case-v1.schema.json}) every request case is validated against before the
 * engine reads it. Loaded once from rules-core's class-path copy by a 2020-12 validator (networknt), with format
 * assertions on; the {@code $id}s are names mapped to the class path, never fetched. Thread-safe: the validators
 * are built at construction and only read afterwards.
 */
final class CaseSchema {

    /** One schema violation: the field as the engine names fields ({@code party.age}, {@code priorViolations[0].date}, "" for the case). */
    record Violation(String field, String message) {
    }

    private final Schema schema;

    CaseSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                        .schemaIdResolvers(r -> r.mapPrefix(ContractSchema.ID_BASE, "classpath:" + ContractSchema.RESOURCE_DIR)));
        this.schema = registry.getSchema(SchemaLocation.of(ContractSchema.ID_BASE + ContractSchema.CASE));
        schema.initializeValidators();
    }

    /** The violations of one case, in the validator's order; empty when the case conforms. */
    List<Violation> validate(JsonNode aCase) {
        return schema.validate(aCase).stream().map(CaseSchema::violation).toList();
    }

    private static Violation violation(Error e) {
        String field = field(e.getInstanceLocation());
        // additionalProperties and required name the property of the object they are reported on
        if (e.getProperty() != null && ("additionalProperties".equals(e.getKeyword()) || "required".equals(e.getKeyword()))) {
            field = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
        }
        String message = e.getMessage();
        // the message starts with the instance location ("$.party.age: …"): the field is given apart
        int colon = message.indexOf(": ");
        if (message.startsWith("$") && colon > 0) message = message.substring(colon + 2);
        return new Violation(field, message);
    }

    /** {@code party.age}, {@code priorViolations[0].date}; "" for the case itself. */
    static String field(NodePath p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer n) {
                b.append('[').append(n).append(']');
            } else {
                if (!b.isEmpty()) b.append('.');
                b.append(el);
            }
        }
        return b.toString();
    }
}
