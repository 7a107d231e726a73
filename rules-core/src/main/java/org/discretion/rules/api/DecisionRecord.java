package org.discretion.rules.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reproducible decision: the case as evaluated (every fact, unknown ones as explicit {@code null}), the date the
 * engine took as "today", the engine version, every catalog the engine had loaded with its content hash, and the
 * decision with its citations. {@code ./discretion evaluate --record FILE} writes one per case (JSON lines);
 * {@code ./discretion replay FILE} evaluates the case again and reports every difference field by field.
 *
 * <pre>{@code
 * {"recordVersion":1, "engineVersion":"0.1.0", "evaluatedOn":"2026-11-28",
 *  "catalogVersions":[{"id":"statute","version":"2021.1","contentHash":"sha256:…"}, …],
 *  "case":{…every field…}, "decision":{…}}
 * }</pre>
 *
 * @param recordVersion   format version of the record, {@value #FORMAT}
 * @param engineVersion   {@link DiscretionEngine#VERSION} of the engine that decided
 * @param evaluatedOn     the engine's "today" (used when the case has no {@code decisionDate})
 * @param catalogVersions every catalog the engine had loaded, with content hashes
 * @param input           the case
 * @param decision        the decision
 */
public record DecisionRecord(int recordVersion, String engineVersion, LocalDate evaluatedOn,
                             List<CatalogVersion> catalogVersions, CaseInput input, Decision decision) {

    /** The record format this class writes. */
    public static final int FORMAT = 1;

    public DecisionRecord {
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(decision, "decision");
        catalogVersions = List.copyOf(catalogVersions);
    }

    /** A record of a decision just made by {@code engine} on {@code evaluatedOn}. */
    public static DecisionRecord of(DiscretionEngine engine, LocalDate evaluatedOn, CaseInput input, Decision decision) {
        return new DecisionRecord(FORMAT, decision.engineVersion(), evaluatedOn, engine.catalogVersions(), input, decision);
    }

    /** The record as one JSON object. */
    public ObjectNode toJson() {
        ObjectNode o = CaseJson.mapper().createObjectNode();
        o.put("recordVersion", recordVersion);
        o.put("engineVersion", engineVersion);
        o.put("evaluatedOn", evaluatedOn.toString());
        ArrayNode cv = o.putArray("catalogVersions");
        for (CatalogVersion v : catalogVersions) cv.add(CaseJson.mapper().valueToTree(v));
        o.set("case", CaseJson.toJson(input));
        o.set("decision", CaseJson.toJson(decision));
        return o;
    }

    /** One line of JSON. */
    public String write() {
        return CaseJson.write(toJson(), false);
    }

    /**
     * Reads a decision log: one record per line as {@code evaluate --record} and the service write it; blank lines
     * are skipped. The CLI's {@code replay} and the service's {@code /v1/replay} read logs through this one method.
     *
     * @throws DiscretionException "line N: …" for the first line that is not a record
     */
    public static List<DecisionRecord> readAll(String text) {
        List<DecisionRecord> records = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                records.add(read(lines[i]));
            } catch (DiscretionException e) {
                throw new DiscretionException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    /**
     * A clock for replaying records: set it to each record's {@link #evaluatedOn()} before re-evaluating, so an engine
     * built with it decides a case without a decision date as on the day it was first decided.
     */
    public static final class ReplayClock extends java.time.Clock {
        private volatile java.time.Instant now = java.time.Instant.EPOCH;
        private final java.time.ZoneId zone = java.time.ZoneId.systemDefault();

        /** The engine's "today" becomes {@code day}. */
        public void set(LocalDate day) {
            now = day.atStartOfDay(zone).toInstant();
        }

        @Override public java.time.ZoneId getZone() { return zone; }
        @Override public java.time.Clock withZone(java.time.ZoneId z) { throw new UnsupportedOperationException(); }
        @Override public java.time.Instant instant() { return now; }
    }

    /**
     * Reads a record written by {@link #write()}.
     *
     * @throws DiscretionException naming the field when the record is not a record of this format
     */
    public static DecisionRecord read(String json) {
        JsonNode n;
        try {
            n = CaseJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new DiscretionException("not a decision record: malformed JSON: " + e.getOriginalMessage().split("\n")[0], e);
        }
        if (n == null || !n.isObject()) throw new DiscretionException("not a decision record: expected a JSON object");
        JsonNode fv = n.get("recordVersion");
        if (fv == null || !fv.isInt()) throw new DiscretionException("not a decision record: \"recordVersion\" is missing");
        if (fv.intValue() != FORMAT) {
            throw new DiscretionException("decision record format " + fv.intValue() + " is not supported (this engine reads " + FORMAT + ")");
        }
        for (String f : List.of("engineVersion", "evaluatedOn", "catalogVersions", "case", "decision")) {
            if (n.get(f) == null || n.get(f).isNull()) throw new DiscretionException("decision record: \"" + f + "\" is missing");
        }
        LocalDate on;
        try {
            on = LocalDate.parse(n.get("evaluatedOn").asText());
        } catch (DateTimeParseException e) {
            throw new DiscretionException("decision record: \"evaluatedOn\" is not a date: " + n.get("evaluatedOn"));
        }
        List<CatalogVersion> versions = new ArrayList<>();
        for (JsonNode v : n.get("catalogVersions")) {
            versions.add(new CatalogVersion(v.path("id").asText(), v.path("version").asText(null), v.path("contentHash").asText(null)));
        }
        CaseInput in = CaseJson.toCase(n.get("case"));
        Decision d;
        try {
            // derived properties (Citation.verified) are written but not read back
            d = CaseJson.mapper().readerFor(Decision.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(n.get("decision"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new DiscretionException("decision record: \"decision\" cannot be read: " + e.getMessage().split("\n")[0], e);
        }
        return new DecisionRecord(FORMAT, n.get("engineVersion").asText(), on, versions, in, d);
    }

    /**
     * The catalogs this decision used whose content differs now, as readable lines ({@code catalog X: recorded
     * sha256:…, now sha256:…} or {@code … is no longer loaded}); empty when every catalog the decision used is loaded
     * with the recorded content.
     */
    public List<String> catalogChanges(List<CatalogVersion> now) {
        Map<String, CatalogVersion> byId = new LinkedHashMap<>();
        for (CatalogVersion v : now) byId.put(v.id(), v);
        List<String> out = new ArrayList<>();
        for (CatalogVersion used : decision.catalogVersions()) {
            CatalogVersion cur = byId.get(used.id());
            if (cur == null) {
                out.add("catalog " + used.id() + " (version " + used.version() + ", " + used.contentHash() + ") is no longer loaded");
            } else if (!Objects.equals(cur.contentHash(), used.contentHash())) {
                out.add("catalog " + used.id() + ": recorded version " + used.version() + " " + used.contentHash()
                        + ", now version " + cur.version() + " " + cur.contentHash());
            }
        }
        return out;
    }

    /**
     * Every difference between the recorded decision and {@code now}, one line per field, as JSON paths:
     * {@code handling: recorded "MAY_NO_PENALTY", now "NO_PENALTY"}, {@code basis[2].text: …},
     * {@code items: recorded 1 entries, now 2}. Empty when the decisions are identical.
     */
    public List<String> differences(Decision now) {
        List<String> out = new ArrayList<>();
        diff("", CaseJson.toJson(decision), CaseJson.toJson(now), out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null) a = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (b == null) b = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (a.equals(b)) return;
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) names.add(it.next());
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) names.add(it.next());
            for (String f : names) diff(path.isEmpty() ? f : path + "." + f, a.get(f), b.get(f), out);
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(path + ": recorded " + a.size() + " entries, now " + b.size());
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            for (int i = b.size(); i < a.size(); i++) out.add(path + "[" + i + "]: recorded " + show(a.get(i)) + ", now absent");
            for (int i = a.size(); i < b.size(); i++) out.add(path + "[" + i + "]: recorded absent, now " + show(b.get(i)));
            return;
        }
        out.add(path + ": recorded " + show(a) + ", now " + show(b));
    }

    private static String show(JsonNode n) {
        if (n.isMissingNode()) return "absent";
        String s = n.toString();
        return s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }
}
