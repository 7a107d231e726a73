package org.discretion.rules.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.Yaml;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * The JSON contract v1 as JSON Schema (2020-12): the case and decision schemas ({@code docs/schema/}, written once
 * and tested against the Java types), and one generated schema per catalog naming the item-specific facts its items
 * declare, so that a form or a client can be generated.
 *
 * <p>The same files are on the class path under {@value #RESOURCE_DIR} (copied from {@code docs/schema/} at build
 * time), so a service can serve them: {@code ContractSchema.read(ContractSchema.CASE)}.
 *
 * <p>A catalog's facts schema ({@code catalogs/<catalog id>.facts.schema.json}) is a case schema: the case schema
 * plus, for each item, "if {@code item} is this item, {@code facts} holds only the facts it declares, with their
 * type". It is generated from the catalog's {@code catalog.yaml} by {@link #factsSchemas(Sources)}; a test in
 * rules-examples compares the committed files with the generated ones ({@code -Dschema.write=true} rewrites them).
 */
public final class ContractSchema {
    /** Where the schema files are on the class path. */
    public static final String RESOURCE_DIR = "org/discretion/rules/schema/";
    /** The case schema (input), relative to {@link #RESOURCE_DIR} and to {@code docs/schema/}. */
    public static final String CASE = "case-v1.schema.json";
    /** The decision schema (output). */
    public static final String DECISION = "decision-v1.schema.json";
    /** The base of every {@code $id}: a name, not a location (a service chooses where it serves the files). */
    public static final String ID_BASE = "https://discretion-rules.invalid/schema/";

    private ContractSchema() {
    }

    /** The file name of a catalog's facts schema, relative to {@link #RESOURCE_DIR} and {@code docs/schema/}. */
    public static String factsFile(String catalogId) {
        return "catalogs/" + catalogId + ".facts.schema.json";
    }

    /**
     * A schema file from the class path, e.g. {@code read(CASE)} or {@code read(factsFile("tax_first_2021"))}.
     *
     * @throws DiscretionException when there is no such file
     */
    public static String read(String name) {
        try (InputStream in = ContractSchema.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new DiscretionException("no schema \"" + name + "\" on the class path under " + RESOURCE_DIR);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts schemas of the catalogs on the class path, by file name ({@link #factsFile}). */
    public static Map<String, String> factsSchemas(ClassLoader cl) {
        return factsSchemas(Sources.fromClasspath(cl, true));
    }

    /** The facts schemas of the catalogs in a folder, by file name. */
    public static Map<String, String> factsSchemas(Path dir) {
        return factsSchemas(Sources.fromDirectory(dir));
    }

    /**
     * One facts schema per catalog of {@code sources} (the statute layer has none), by file name, as the exact text
     * to commit (two-space indentation, LF, final newline).
     *
     * @throws DiscretionException when a catalog.yaml cannot be read (run {@code ./discretion check} for details)
     */
    public static Map<String, String> factsSchemas(Sources sources) {
        Map<String, String> out = new TreeMap<>();
        for (Sources.Bundle b : sources.bundles()) {
            if (b.statute()) continue;
            CatalogMeta cm;
            try {
                cm = Yaml.YAML.readValue(b.meta().text(), CatalogMeta.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new DiscretionException(b.meta().origin() + ": cannot read the catalog ("
                        + e.getMessage().lines().findFirst().orElse("") + "); run ./discretion check for details", e);
            }
            out.put(factsFile(cm.id()), write(factsSchema(cm)));
        }
        return out;
    }

    static ObjectNode factsSchema(CatalogMeta cm) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", ID_BASE + factsFile(cm.id()));
        s.put("$comment", "GENERATED from the catalog's catalog.yaml by org.discretion.rules.tooling.ContractSchema; do not "
                + "edit. Regenerate: mvn -o -B -pl rules-examples -am test -Dtest=ContractSchemaCatalogTest "
                + "-Dschema.write=true -Dsurefire.failIfNoSpecifiedTests=false");
        s.put("title", "案件（" + cm.title() + "）");
        s.put("description", "A case (case-v1.schema.json) for catalog " + cm.id() + ": when item names an item of this catalog, facts holds only the facts that item declares, with their"
                + " type and unit. A fact left out or null is unknown, never false.");
        ArrayNode allOf = s.putArray("allOf");
        allOf.addObject().put("$ref", "../" + CASE);
        ObjectNode defs = f.objectNode();
        for (ItemMeta it : cm.items()) {
            ObjectNode facts = defs.putObject(it.id());
            facts.put("title", it.id() + " " + it.name());
            facts.putArray("type").add("object").add("null");
            ObjectNode props = facts.putObject("properties");
            for (FactSpec fs : it.facts()) props.set(fs.name(), fact(fs));
            // an undeclared fact is an input error unless it is null (unknown)
            facts.putObject("additionalProperties").put("type", "null");
            ObjectNode rule = allOf.addObject();
            ObjectNode cond = rule.putObject("if");
            cond.putObject("properties").putObject("item").put("const", it.id());
            cond.putArray("required").add("item");
            rule.putObject("then").putObject("properties").putObject("facts").put("$ref", "#/$defs/" + it.id());
        }
        s.set("$defs", defs);
        return s;
    }

    private static ObjectNode fact(FactSpec fs) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("title", fs.label());
        if (!fs.unit().isEmpty()) p.put("description", "单位：" + fs.unit());
        switch (fs.type()) {
            case "NUMBER" -> {
                p.putArray("type").add("number").add("null");
                p.put("minimum", 0);
            }
            case "BOOLEAN" -> p.putArray("type").add("boolean").add("null");
            case "DATE" -> {
                p.putArray("type").add("string").add("null");
                p.put("format", "date");
                p.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            }
            default -> p.putArray("type").add("string").add("null");
        }
        return p;
    }

    private static String write(ObjectNode n) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return Yaml.JSON.writer(pp).writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
