package org.discretion.rules.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Citation;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.MissingFact;

/**
 * What {@code evaluate} writes for each case: the whole decision (contract v1), or the fields the caller picked with
 * {@code --fields} / {@code --profile compact}, as JSON lines or CSV. In a field selection {@code items},
 * {@code basis} and {@code missingFacts} are short: item ids, citation references and fact names.
 */
final class DecisionOutput {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    /** Every field that can be picked, in the order of the decision. */
    static final Map<String, Function<Decision, JsonNode>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", d -> F.textNode(d.id()));
        FIELDS.put("handling", d -> F.textNode(d.handling().name()));
        FIELDS.put("mandatory", d -> F.booleanNode(d.mandatory()));
        FIELDS.put("coercion", d -> d.coercion() == null ? F.nullNode() : F.textNode(d.coercion().name()));
        FIELDS.put("items", d -> strings(d.items().stream().map(MatchedItem::item).toList()));
        FIELDS.put("basis", d -> strings(d.basis().stream().map(Citation::reference).distinct().toList()));
        FIELDS.put("duties", d -> full(d).get("duties"));
        FIELDS.put("measures", d -> strings(d.measures()));
        FIELDS.put("fineRange", d -> fine(d.fineRange()));
        FIELDS.put("penaltyKinds", d -> strings(d.penaltyKinds()));
        FIELDS.put("missingFacts", d -> strings(d.missingFacts().stream().map(MissingFact::field).toList()));
        FIELDS.put("whyNot", d -> full(d).get("whyNot"));
        FIELDS.put("catalogVersions", d -> full(d).get("catalogVersions"));
        FIELDS.put("warnings", d -> strings(d.warnings()));
        FIELDS.put("explanation", d -> d.explanation() == null ? F.nullNode() : F.textNode(d.explanation()));
        FIELDS.put("engineVersion", d -> F.textNode(d.engineVersion()));
    }

    /** {@code --profile compact}: what a batch needs to sort cases, about a tenth of the full decision. */
    static final List<String> COMPACT = List.of("id", "handling", "mandatory", "coercion", "items", "basis", "fineRange",
            "missingFacts");

    private final List<String> fields;
    private final String format;

    /** {@code fields} null: the whole decision (JSON) or {@link #COMPACT} (CSV). */
    DecisionOutput(String format, List<String> fields) {
        this.format = format;
        this.fields = fields == null && format.equals("csv") ? COMPACT : fields;
    }

    /** The names in {@code --fields a,b,c}, or an error message naming the unknown one. */
    static String check(List<String> fields) {
        for (String f : fields) {
            if (!FIELDS.containsKey(f)) return "unknown field \"" + Terminal.safe(f) + "\" in --fields; fields: " + String.join(", ", FIELDS.keySet());
        }
        return fields.isEmpty() ? "--fields needs at least one field" : null;
    }

    /** Whether the output needs the why-not report or the prose; when not, the lean screening call is enough. */
    boolean needsFullDecision() {
        return format.equals("text") || fields == null || fields.contains("whyNot") || fields.contains("explanation");
    }

    /** The CSV header line, or {@code null} for other formats. */
    String header() {
        if (!format.equals("csv")) return null;
        List<String> cols = new ArrayList<>(fields);
        cols.add("error");
        return String.join(",", cols);
    }

    String decision(Decision d) {
        if (format.equals("text")) return Terminal.safeText(EvaluateCommand.text(d));
        if (format.equals("csv")) {
            StringBuilder b = new StringBuilder();
            for (String f : fields) b.append(csv(FIELDS.get(f).apply(d), f)).append(',');
            return b.toString();
        }
        if (fields == null) return CaseJson.writeDecision(d);
        ObjectNode o = F.objectNode();
        for (String f : fields) o.set(f, FIELDS.get(f).apply(d));
        return CaseJson.write(o, false);
    }

    /** The line for a case that could not be decided, or {@code null} when the format writes none (text). */
    String error(InvalidCaseException e) {
        if (format.equals("text")) return null;
        if (format.equals("csv")) {
            StringBuilder b = new StringBuilder();
            for (String f : fields) b.append(f.equals("id") && e.caseId() != null ? csvCell(e.caseId()) : "").append(',');
            return b.append(csvCell(e.getMessage())).toString();
        }
        return CaseJson.write(CaseJson.errorJson(e), false);
    }

    private static JsonNode full(Decision d) {
        return CaseJson.toJson(d);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static JsonNode fine(FineRange r) {
        if (r == null) return F.nullNode();
        ObjectNode o = F.objectNode();
        o.set("min", r.min() == null ? F.nullNode() : F.numberNode(r.min()));
        o.set("max", r.max() == null ? F.nullNode() : F.numberNode(r.max()));
        o.put("maxInclusive", r.maxInclusive());
        o.put("verified", r.verified());
        return o;
    }

    /** A JSON value as one CSV cell: lists joined with "; ", a fine range as min–max. */
    private static String csv(JsonNode n, String field) {
        if (n == null || n.isNull()) return "";
        if (field.equals("fineRange")) {
            String min = plain(n.get("min"));
            String max = plain(n.get("max"));
            return csvCell(min + "-" + max + (n.get("maxInclusive").asBoolean() ? "" : "（不含）"));
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : n) parts.add(e.isTextual() ? e.asText() : CaseJson.write(e, false));
            return csvCell(String.join("; ", parts));
        }
        if (n.isTextual()) return csvCell(n.asText());
        if (n.isObject()) return csvCell(CaseJson.write(n, false));
        return csvCell(n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText());
    }

    private static String plain(JsonNode n) {
        if (n == null || n.isNull()) return "";
        BigDecimal v = n.decimalValue();
        return v.toPlainString();
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with
     * {@code '} so that a hostile case id cannot become a formula.
     */
    static String csvCell(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
