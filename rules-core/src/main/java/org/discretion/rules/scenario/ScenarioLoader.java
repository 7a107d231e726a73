package org.discretion.rules.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Problem;
import org.discretion.rules.api.Status;

/**
 * Reads scenario files (YAML, UTF-8). Strict like the case reader: an unknown key, a misspelt enum, a missing
 * {@code name}, {@code case} or expectation is a {@link ScenarioFormatException} listing every problem of the file
 * as {@code file:line:column: message}. The case itself is checked when it runs (an invalid case may be exactly
 * what a scenario expects, see {@code expect.error}).
 */
public final class ScenarioLoader {
    static final Set<String> SUITE_KEYS = Set.of("suite", "description", "catalogs", "evaluationDate", "scenarios");
    static final Set<String> SCENARIO_KEYS = Set.of("name", "case", "expect", "evaluationDate", "note");
    static final Set<String> EXPECT_KEYS = Set.of("handling", "mandatory", "coercion", "items", "status", "citations",
            "missingFacts", "fineRange", "duties", "explanation", "warnings", "error");
    static final Set<String> FINE_KEYS = Set.of("min", "max");
    static final Set<String> ERROR_KEYS = Set.of("field", "message");

    private ScenarioLoader() {
    }

    /** Every {@code *.yaml} / {@code *.yml} file under {@code dirOrFile} (or the file itself), sorted by path. */
    public static List<Path> find(Path dirOrFile) {
        if (!Files.exists(dirOrFile)) {
            throw new ScenarioFormatException(dirOrFile.toString(), List.of(Problem.error(dirOrFile.toString(), 0, 0,
                    "SCENARIO_FILE", "no such file or directory")));
        }
        if (Files.isRegularFile(dirOrFile)) {
            return List.of(dirOrFile);
        }
        try (Stream<Path> s = Files.walk(dirOrFile)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario files under " + dirOrFile, e);
        }
    }

    /** Reads one file; the file is named in messages as given. */
    public static ScenarioSuite load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFormatException(file.toString(), List.of(Problem.error(file.toString(), 0, 0,
                    "SCENARIO_FILE", "cannot read the file: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Reads scenario text; {@code file} names it in messages. */
    public static ScenarioSuite parse(String file, String text) {
        YamlTree tree;
        try {
            tree = YamlTree.read(text);
        } catch (YamlTree.SyntaxError e) {
            throw new ScenarioFormatException(file, List.of(Problem.error(file, e.line, e.column, "SCENARIO_SYNTAX",
                    e.getMessage())));
        }
        Reader r = new Reader(file, tree);
        ScenarioSuite suite = r.suite();
        if (!r.problems.isEmpty()) {
            throw new ScenarioFormatException(file, r.problems);
        }
        return suite;
    }

    /** Walks the tree, collecting every problem instead of stopping at the first. */
    private static final class Reader {
        final String file;
        final YamlTree tree;
        final List<Problem> problems = new ArrayList<>();

        Reader(String file, YamlTree tree) {
            this.file = file;
            this.tree = tree;
        }

        void problem(String path, String message) {
            int[] l = tree.locate(path);
            problems.add(Problem.error(file, l[0], l[1], "SCENARIO_FORMAT", message));
        }

        ScenarioSuite suite() {
            JsonNode root = tree.root;
            if (!root.isObject()) {
                problem("", "a scenario file is a mapping with suite, catalogs, evaluationDate and scenarios; found "
                        + kind(root));
                return null;
            }
            keys("", root, SUITE_KEYS, "key");
            String name = requiredText("suite", root.get("suite"), "the suite's title");
            List<String> catalogs = texts("catalogs", root.get("catalogs"));
            LocalDate date = date("evaluationDate", root.get("evaluationDate"));
            List<Scenario> scenarios = new ArrayList<>();
            JsonNode list = root.get("scenarios");
            if (list == null || list.isNull()) {
                problem("", "missing \"scenarios\": a list of scenarios, each with name, case and expect");
            } else if (!list.isArray() || list.isEmpty()) {
                problem("scenarios", "\"scenarios\" must be a non-empty list, found " + kind(list));
            } else {
                Set<String> names = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    Scenario s = scenario("scenarios[" + i + "]", list.get(i));
                    JsonNode n = list.get(i).get("name");
                    if (n != null && n.isTextual() && !n.asText().isBlank() && !names.add(n.asText().strip())) {
                        problem("scenarios[" + i + "].name", "duplicate scenario name \"" + n.asText().strip()
                                + "\": names identify scenarios in reports and must be unique in a suite");
                    }
                    if (s != null) scenarios.add(s);
                }
            }
            return problems.isEmpty() ? new ScenarioSuite(file, name, catalogs == null ? List.of() : catalogs, date,
                    scenarios) : null;
        }

        Scenario scenario(String path, JsonNode n) {
            if (!n.isObject()) {
                problem(path, "a scenario must be a mapping with name, case and expect; found " + kind(n));
                return null;
            }
            int before = problems.size();
            keys(path + ".", n, SCENARIO_KEYS, "scenario key");
            String name = requiredText(path + ".name", n.get("name"),
                    "a full sentence stating the situation and the outcome");
            LocalDate date = date(path + ".evaluationDate", n.get("evaluationDate"));
            JsonNode c = n.get("case");
            if (c == null || c.isNull()) {
                problem(path, "scenario " + quote(name) + " has no \"case\": the facts of the case (the case JSON contract, in YAML)");
            } else if (!c.isObject()) {
                problem(path + ".case", "\"case\" must be a mapping of case fields, found " + kind(c));
            }
            Expectation e = null;
            JsonNode x = n.get("expect");
            if (x == null || x.isNull()) {
                problem(path, "scenario " + quote(name) + " has no \"expect\": state at least one expected outcome ("
                        + String.join(", ", new TreeSet<>(EXPECT_KEYS)) + ")");
            } else if (!x.isObject() || x.isEmpty()) {
                problem(path + ".expect", "\"expect\" must be a mapping with at least one of "
                        + String.join(", ", new TreeSet<>(EXPECT_KEYS)) + "; found " + kind(x));
            } else {
                e = expectation(path + ".expect", x);
            }
            if (problems.size() > before || e == null) return null;
            int line = tree.locate(path + ".name")[0];
            return new Scenario(name, line, (ObjectNode) c, date, e, tree.linesUnder(path + ".case"));
        }

        Expectation expectation(String path, JsonNode x) {
            keys(path + ".", x, EXPECT_KEYS, "expectation");
            Handling handling = enumOf(path + ".handling", x.get("handling"), Handling.class);
            Boolean mandatory = null;
            JsonNode m = x.get("mandatory");
            if (m != null) {
                if (m.isBoolean()) mandatory = m.booleanValue();
                else problem(path + ".mandatory", "mandatory must be true (应当) or false (可以), found " + kind(m));
            }
            Optional<Coercion> coercion = null;
            if (x.has("coercion")) {
                JsonNode c = x.get("coercion");
                coercion = c.isNull() ? Optional.empty() : Optional.ofNullable(enumOf(path + ".coercion", c, Coercion.class));
            }
            List<String> items = texts(path + ".items", x.get("items"));
            Map<String, Status> status = null;
            JsonNode st = x.get("status");
            if (st != null) {
                if (!st.isObject() || st.isEmpty()) {
                    problem(path + ".status", "status must map ground or item ids to HELD, FAILED or UNKNOWN, found " + kind(st));
                } else {
                    status = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        Status s = enumOf(path + ".status." + f.getKey(), f.getValue(), Status.class);
                        if (s != null) status.put(f.getKey(), s);
                        else if (f.getValue() == null || f.getValue().isNull()) {
                            problem(path + ".status." + f.getKey(), "status of " + f.getKey() + " must be HELD, FAILED or UNKNOWN");
                        }
                    }
                }
            }
            List<String> citations = texts(path + ".citations", x.get("citations"));
            if (citations != null) {
                for (int i = 0; i < citations.size(); i++) {
                    if (CitationMatcher.parse(citations.get(i)) == null) {
                        problem(path + ".citations[" + i + "]", "citation \"" + citations.get(i) + "\" is not of the form "
                                + "<short title>[(<version>)] <locator>, e.g. \"行政处罚法 第33条第1款\" or \"滑法政办〔2022〕17号 三(七)\"");
                    }
                }
            }
            List<String> missing = texts(path + ".missingFacts", x.get("missingFacts"));
            Optional<Expectation.FineRangeExpectation> fine = null;
            if (x.has("fineRange")) {
                JsonNode f = x.get("fineRange");
                if (f.isNull()) {
                    fine = Optional.empty();
                } else if (!f.isObject() || f.isEmpty()) {
                    problem(path + ".fineRange", "fineRange must be null (no fine range) or a mapping with min and/or max, found " + kind(f));
                } else {
                    keys(path + ".fineRange.", f, FINE_KEYS, "fineRange key");
                    fine = Optional.of(new Expectation.FineRangeExpectation(amount(path + ".fineRange.min", f, "min"),
                            amount(path + ".fineRange.max", f, "max")));
                }
            }
            List<String> duties = texts(path + ".duties", x.get("duties"));
            List<String> explanation = texts(path + ".explanation", x.get("explanation"));
            List<String> warnings = texts(path + ".warnings", x.get("warnings"));
            Expectation.ErrorExpectation error = null;
            JsonNode er = x.get("error");
            if (er != null) {
                if (!er.isObject()) {
                    problem(path + ".error", "error must be a mapping with field and/or message, found " + kind(er));
                } else {
                    keys(path + ".error.", er, ERROR_KEYS, "error key");
                    error = new Expectation.ErrorExpectation(optionalText(path + ".error.field", er.get("field")),
                            optionalText(path + ".error.message", er.get("message")));
                }
                if (x.size() > 1) {
                    problem(path + ".error", "a scenario that expects the case to be rejected (error) can state nothing "
                            + "else: a rejected case has no decision");
                }
            }
            return new Expectation(handling, mandatory, coercion, items, status, citations, missing, fine, duties,
                    explanation, warnings, error);
        }

        Optional<BigDecimal> amount(String path, JsonNode parent, String key) {
            if (!parent.has(key)) return null;
            JsonNode v = parent.get(key);
            if (v.isNull()) return Optional.empty();
            if (!v.isNumber()) {
                problem(path, key + " must be an amount in yuan (a number) or null, found " + kind(v));
                return null;
            }
            return Optional.of(v.decimalValue());
        }

        void keys(String prefix, JsonNode n, Set<String> known, String what) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    String hint = closest(k, known);
                    problem(prefix + k, "unknown " + what + " \"" + k + "\"" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")
                            + "; known: " + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        String requiredText(String path, JsonNode n, String what) {
            if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
                String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
                String key = path.substring(path.lastIndexOf('.') + 1);
                problem(n == null ? parent : path, "missing \"" + key + "\": " + what);
                return null;
            }
            if (!n.isTextual()) {
                problem(path, path.substring(path.lastIndexOf('.') + 1) + " must be text, found " + kind(n));
                return null;
            }
            return n.asText().strip();
        }

        String optionalText(String path, JsonNode n) {
            if (n == null || n.isNull()) return null;
            if (!n.isTextual()) {
                problem(path, "must be text, found " + kind(n));
                return null;
            }
            return n.asText();
        }

        List<String> texts(String path, JsonNode n) {
            if (n == null) return null;
            if (!n.isArray()) {
                problem(path, lastKey(path) + " must be a list, e.g. [A, B], found " + kind(n));
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                if (!e.isTextual() || e.asText().isBlank()) {
                    problem(path + "[" + i + "]", lastKey(path) + " entries must be text, found " + kind(e));
                } else {
                    out.add(e.asText().strip());
                }
            }
            return out;
        }

        LocalDate date(String path, JsonNode n) {
            if (n == null || n.isNull()) return null;
            try {
                if (n.isTextual()) return LocalDate.parse(n.asText());
            } catch (DateTimeParseException e) {
                // reported below
            }
            problem(path, lastKey(path) + " must be a date YYYY-MM-DD, found " + kind(n));
            return null;
        }

        <E extends Enum<E>> E enumOf(String path, JsonNode n, Class<E> type) {
            if (n == null || n.isNull()) return null;
            List<String> allowed = Stream.of(type.getEnumConstants()).map(Enum::name).toList();
            if (n.isTextual() && allowed.contains(n.asText())) {
                return Enum.valueOf(type, n.asText());
            }
            String hint = n.isTextual() ? closest(n.asText(), allowed) : null;
            problem(path, lastKey(path) + ": " + kind(n) + " is not one of " + String.join(", ", allowed)
                    + (hint == null ? "" : " (did you mean " + hint + "?)"));
            return null;
        }
    }

    private static String lastKey(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String quote(String s) {
        return s == null ? "(without a name)" : "\"" + s + "\"";
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) return "nothing (null)";
        if (n.isTextual()) return "\"" + n.asText() + "\"";
        if (n.isNumber() || n.isBoolean()) return n.asText();
        if (n.isArray()) return n.isEmpty() ? "an empty list" : "a list";
        return n.isEmpty() ? "an empty mapping" : "a mapping";
    }

    /** The known word within edit distance 2 of a misspelling, if exactly one is that close. */
    static String closest(String word, java.util.Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(word.toUpperCase(), k.toUpperCase());
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
