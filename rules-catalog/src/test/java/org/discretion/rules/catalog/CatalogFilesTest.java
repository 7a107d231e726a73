package org.discretion.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the shipped catalog files without the engine: every real list item is there exactly once, every rule has
 * its metadata and every metadata entry its rule, every item fact a rule reads is declared, the published text sits
 * above each rule, and every citation names a provision of the law registry (this module's and rules-core's).
 * The engine repeats the citation check when it builds; this test tells a catalog author first, without Drools.
 */
class CatalogFilesTest {

    /** The 56 ids of ../shared/domain/real-lists/items.json, copied here so that the test needs only the repo. */
    static final List<String> EXPECTED_IDS = List.of(
            "TAX-1", "TAX-2", "TAX-3", "TAX-4", "TAX-5", "TAX-6", "TAX-7", "TAX-8", "TAX-9", "TAX-10",
            "TAX-11", "TAX-12", "TAX-13", "TAX-14",
            "SHFIRE-1", "SHFIRE-2", "SHFIRE-3", "SHFIRE-4", "SHFIRE-5", "SHFIRE-6", "SHFIRE-7", "SHFIRE-8",
            "SHFIRE-9", "SHFIRE-10", "SHFIRE-11", "SHFIRE-12", "SHFIRE-13", "SHFIRE-14", "SHFIRE-15",
            "SHFIRE-16", "SHFIRE-17", "SHFIRE-18", "SHFIRE-19",
            "TAIKANG-1", "TAIKANG-2", "TAIKANG-3",
            "FENGQIU-1", "FENGQIU-2", "FENGQIU-3", "FENGQIU-4",
            "ZMD-1",
            "FENGHUANG-1", "FENGHUANG-2", "FENGHUANG-3",
            "NINGBO-1", "NINGBO-2", "NINGBO-3",
            "HESHAN-1",
            "YUHANG-1", "YUHANG-2",
            "SHCG-1", "SHCG-2", "SHCG-3", "SHCG-4",
            "SHMKT2019-1",
            "SHMKT2021-1");

    /** Items whose wording is a paraphrase, not the published text (items.json text_fidelity). */
    static final Set<String> PARAPHRASED = Set.of("TAX-13", "TAX-14", "SHMKT2021-1");

    static final Set<String> STATUSES = Set.of("IN_FORCE", "REPEALED", "DRAFT", "VALIDITY_UNVERIFIED", "EXPIRED");
    static final Set<String> LEVELS = Set.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY");
    static final Set<String> LISTS = Set.of("NO_PENALTY", "LENIENT", "MITIGATED", "LENIENT_OR_MITIGATED", "NO_COERCION");
    static final Set<String> CATALOG_FIDELITY = Set.of("VERBATIM", "OFFICIAL", "WEB", "SECOND_HAND", "PARAPHRASE");
    static final Set<String> FACT_TYPES = Set.of("NUMBER", "BOOLEAN", "TEXT", "DATE");

    static final YAMLMapper YAML = new YAMLMapper();
    static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    static final Pattern FACT = Pattern.compile("fact\\(\"([^\"]+)\"\\)");
    static final Pattern CITATION = Pattern.compile(
            "^(\\S+?)(?:\\(([^)]+)\\))? 第(\\d+)条(?:第(\\d+)款)?(?:第(\\d+)项)?(?:第(\\d+)句)?$");

    /** Catalog folder -> catalog.yaml, in index order. */
    static final Map<String, JsonNode> catalogs = new LinkedHashMap<>();
    /** Catalog folder -> rules.drl text. */
    static final Map<String, String> drls = new LinkedHashMap<>();
    /** short title -> version label -> provision keys (this module's and rules-core's law files). */
    static final Map<String, Map<String, Set<String>>> registry = new LinkedHashMap<>();
    static final List<String> ownLawFiles = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        for (URL index : Collections.list(CatalogFilesTest.class.getClassLoader()
                .getResources("META-INF/discretion-rules.index"))) {
            boolean own = !index.toString().contains("rules-core");
            for (String line : read(index).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] kv = l.split("\\s+", 2);
                switch (kv[0]) {
                    case "catalog" -> {
                        if (own) {
                            String folder = kv[1].substring(kv[1].lastIndexOf('/') + 1);
                            catalogs.put(folder, YAML.readTree(resource(kv[1] + "/catalog.yaml")));
                            drls.put(folder, resource(kv[1] + "/rules.drl"));
                        }
                    }
                    case "law" -> {
                        if (own) {
                            ownLawFiles.add(kv[1]);
                        }
                        addLaw(YAML.readTree(resource(kv[1])));
                    }
                    default -> { }
                }
            }
        }
        assertThat(catalogs).as("catalogs listed in rules-catalog's META-INF/discretion-rules.index").hasSize(13);
    }

    private static void addLaw(JsonNode law) {
        Map<String, Set<String>> versions = registry.computeIfAbsent(law.path("short").asText(), k -> new LinkedHashMap<>());
        for (JsonNode v : law.path("versions")) {
            Set<String> keys = versions.computeIfAbsent(v.path("version").asText(), k -> new TreeSet<>());
            v.path("provisions").fieldNames().forEachRemaining(keys::add);
        }
    }

    private static String resource(String path) {
        URL url = CatalogFilesTest.class.getClassLoader().getResource(path);
        assertThat(url).as("classpath resource %s", path).isNotNull();
        return read(url);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> items(JsonNode catalog) {
        List<JsonNode> out = new ArrayList<>();
        catalog.path("items").forEach(out::add);
        return out.stream();
    }

    @Test
    void everyRealListItemIsShippedExactlyOnce() {
        List<String> ids = catalogs.values().stream().flatMap(CatalogFilesTest::items)
                .map(i -> i.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(EXPECTED_IDS);
    }

    @Test
    void paraphrasedItemsSaySo() {
        catalogs.values().stream().flatMap(CatalogFilesTest::items)
                .filter(i -> PARAPHRASED.contains(i.path("id").asText()))
                .forEach(i -> assertThat(i.path("fidelity").asText()).as(i.path("id").asText()).isEqualTo("PARAPHRASE"));
    }

    @Test
    void everyLawFileInTheFolderIsIndexed() throws IOException {
        // Maven runs tests in the module directory; the index must list every law file we ship, and only those.
        Path dir = Path.of("src/main/resources/law");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> "law/" + f.getFileName()).filter(f -> f.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(ownLawFiles);
        }
    }

    @TestFactory
    Stream<DynamicTest> catalogs() {
        return catalogs.keySet().stream().map(folder -> DynamicTest.dynamicTest(folder, () -> checkCatalog(folder)));
    }

    private void checkCatalog(String folder) {
        JsonNode c = catalogs.get(folder);
        String drl = drls.get(folder);

        assertThat(c.path("id").asText()).as("id = folder").isEqualTo(folder);
        assertThat(drl).as("DRL package").startsWith("package catalogs." + folder + ";");
        assertThat(c.path("status").asText()).isIn(STATUSES);
        assertThat(c.path("level").asText()).isIn(LEVELS);
        assertThat(c.path("fidelity").asText()).isIn(CATALOG_FIDELITY);
        assertThat(c.path("version").asText()).isNotBlank();
        Set<String> lists = new LinkedHashSet<>();
        c.path("lists").forEach(l -> lists.add(l.asText()));
        assertThat(lists).isNotEmpty().isSubsetOf(LISTS);
        if (c.path("effectiveFrom").isNull() || c.path("effectiveFrom").isMissingNode()) {
            assertThat(c.path("status").asText()).as("an unknown effective date needs an unverified (or draft) status")
                    .isIn("VALIDITY_UNVERIFIED", "DRAFT");
        }
        if (c.path("status").asText().equals("REPEALED")) {
            assertThat(c.path("effectiveTo").isNull()).as("a repealed list has its last day").isFalse();
        }

        // rule names <-> items
        List<String> rules = new ArrayList<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            rules.add(m.group(1));
        }
        List<String> ids = items(c).map(i -> i.path("id").asText()).toList();
        assertThat(rules).as("rules in %s/rules.drl", folder).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);

        for (JsonNode item : (Iterable<JsonNode>) items(c)::iterator) {
            String id = item.path("id").asText();
            String body = ruleText(drl, id);
            String above = commentAbove(drl, id);

            assertThat(item.path("list").asText()).as("%s list", id).isIn(lists);
            assertThat(above).as("%s: published text above the rule", id)
                    .contains(item.path("name").asText())
                    .contains(item.path("applicability").asText())
                    .contains("序号 ");
            if (!c.path("documentNumber").isNull()) {
                assertThat(above).as("%s: document number above the rule", id).contains(c.path("documentNumber").asText());
            }
            assertThat(body).as("%s: rule matches its own candidate", id).contains("Candidate( item == \"" + id + "\" )");

            Map<String, JsonNode> declared = new LinkedHashMap<>();
            for (JsonNode f : item.path("facts")) {
                String name = f.path("name").asText();
                assertThat(name).as("%s fact name", id).matches("[a-z][A-Za-z0-9]*");
                assertThat(f.path("type").asText()).as("%s fact %s type", id, name).isIn(FACT_TYPES);
                assertThat(f.path("label").asText()).as("%s fact %s label", id, name).isNotBlank();
                assertThat(declared.put(name, f)).as("%s fact %s declared twice", id, name).isNull();
            }
            Set<String> used = new LinkedHashSet<>();
            Matcher fm = FACT.matcher(body);
            while (fm.find()) {
                used.add(fm.group(1));
            }
            assertThat(declared.keySet()).as("%s: facts read by the rule must be declared (and declared ones read)", id)
                    .containsExactlyInAnyOrderElementsOf(used);
        }
    }

    @Test
    void citationsResolve() {
        List<String> problems = new ArrayList<>();
        for (JsonNode c : catalogs.values()) {
            for (JsonNode item : (Iterable<JsonNode>) items(c)::iterator) {
                for (String field : List.of("violationBasis", "penaltyBasis", "handlingBasis")) {
                    for (JsonNode cit : item.path(field)) {
                        check(item.path("id").asText() + "." + field, cit.asText(), problems);
                    }
                }
                if (item.hasNonNull("coercionNotApplied")) {
                    check(item.path("id").asText() + ".coercionNotApplied", item.path("coercionNotApplied").asText(), problems);
                }
            }
            JsonNode limitation = c.path("settings").path("limitation");
            if (limitation.hasNonNull("basis")) {
                check(c.path("id").asText() + ".settings.limitation", limitation.path("basis").asText(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String where, String citation, List<String> problems) {
        Matcher m = CITATION.matcher(citation);
        if (!m.matches()) {
            problems.add(where + ": cannot read citation '" + citation + "'");
            return;
        }
        Map<String, Set<String>> versions = registry.get(m.group(1));
        if (versions == null) {
            problems.add(where + ": no instrument with short title '" + m.group(1) + "' in law/*.yaml (" + citation + ")");
            return;
        }
        String key = m.group(3) + (m.group(4) == null ? "" : "." + m.group(4)) + (m.group(5) == null ? "" : "." + m.group(5));
        Stream<Set<String>> candidates = m.group(2) == null ? versions.values().stream()
                : Stream.ofNullable(versions.get(m.group(2)));
        if (m.group(2) != null && !versions.containsKey(m.group(2))) {
            problems.add(where + ": " + m.group(1) + " has no version '" + m.group(2) + "' (has " + versions.keySet() + ")");
            return;
        }
        boolean found = candidates.anyMatch(keys -> keys.contains(key)
                || keys.stream().anyMatch(k -> k.startsWith(key + ".")));
        if (!found) {
            problems.add(where + ": " + citation + " -> provision '" + key + "' not in the registry");
        }
    }

    /** From {@code rule "ID"} to its {@code end}. */
    private static String ruleText(String drl, String id) {
        int start = drl.indexOf("rule \"" + id + "\"");
        int end = drl.indexOf("\nend", start);
        return drl.substring(start, end);
    }

    /** The block of {@code //} lines right above {@code rule "ID"}. */
    private static String commentAbove(String drl, String id) {
        String before = drl.substring(0, drl.indexOf("rule \"" + id + "\""));
        String[] lines = before.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = lines.length - 1; i >= 0 && lines[i].startsWith("//"); i--) {
            out.insert(0, lines[i] + "\n");
        }
        return out.toString();
    }
}
