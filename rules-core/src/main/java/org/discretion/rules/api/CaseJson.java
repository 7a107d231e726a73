package org.discretion.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON contract v1 for cases and decisions (see {@code docs/case-and-decision.md}). Reading is strict: an
 * unknown field, a wrong type or an impossible value is an {@link InvalidCaseException} naming the case, the field
 * and the problem. One bad case in a batch never spoils the others.
 */
public final class CaseJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // "[{…}]{…}" or "{…} {…}" on one line: the rest must not be silently dropped
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // money is BigDecimal end to end: 12345678901234567.89 must not pass through a double
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // and written as computed: 4400.00, never 4.4E+3 (the tree stripped zeros and wrote the exponent form)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Amounts and numeric facts: at most this many digits before the decimal point, and {@link #MAX_SCALE} after. */
    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_SCALE = 10;
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Set<String> CASE_FIELDS = Set.of("id", "item", "provision", "catalogs", "party", "actDate",
            "actEndDate", "discoveryDate", "decisionDate", "firstOffense", "priorViolations", "correction", "severity",
            "harm", "circumstances", "illegalGains", "penaltyRange", "facts", "caseNumber", "agency", "factsFound", "evidence");
    private static final Set<String> PARTY_FIELDS = Set.of("type", "age", "mentalCapacity", "birthDate", "name", "idNumber");
    private static final Set<String> AGENCY_FIELDS = Set.of("name", "divisionCode");
    private static final Set<String> PRIOR_FIELDS = Set.of("date", "item", "provision");
    private static final Set<String> RANGE_FIELDS = Set.of("fineMin", "fineMax", "gainsMultipleMin", "gainsMultipleMax", "text");

    /** Input limits; configurable by embedders. */
    public record Limits(int maxDocumentChars, int maxDepth, int maxBatch) {
        public static final Limits DEFAULT = new Limits(10_000_000, 20, 100_000);
    }

    /** One case read from input: the case, or the error that kept it from being read. */
    public record Parsed(int index, CaseInput input, InvalidCaseException error) {
        public boolean ok() {
            return input != null;
        }
    }

    private CaseJson() {
    }

    /** Reads one case object. */
    public static CaseInput parseCase(String json) {
        List<Parsed> all = parse(json);
        if (all.size() != 1) {
            throw new InvalidCaseException(null, "", "expected one case object, found " + all.size());
        }
        if (!all.get(0).ok()) throw all.get(0).error();
        return all.get(0).input();
    }

    /** Reads one case, a JSON array of cases, or JSON lines (one case per line). */
    public static List<Parsed> parse(String text) {
        return parse(text, Limits.DEFAULT);
    }

    public static List<Parsed> parse(String text, Limits limits) {
        List<Parsed> out = new ArrayList<>();
        if (text.length() > limits.maxDocumentChars()) {
            out.add(new Parsed(0, null, new InvalidCaseException(null, "", "input is " + text.length()
                    + " characters, more than the limit of " + limits.maxDocumentChars())));
            return out;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            out.add(new Parsed(0, null, new InvalidCaseException(null, "", "input is empty: expected a case object, an array or JSON lines")));
            return out;
        }
        if (trimmed.startsWith("[")) {
            JsonNode root;
            try {
                root = MAPPER.readTree(trimmed);
            } catch (JsonProcessingException e) {
                out.add(new Parsed(0, null, malformed(null, e)));
                return out;
            } catch (NumberFormatException e) {
                out.add(new Parsed(0, null, numberOutOfRange(e)));
                return out;
            }
            if (root.size() > limits.maxBatch()) {
                out.add(new Parsed(0, null, new InvalidCaseException(null, "", "batch of " + root.size()
                        + " cases is larger than the limit of " + limits.maxBatch())));
                return out;
            }
            int i = 0;
            for (JsonNode n : root) {
                out.add(fromNode(i++, n, limits));
            }
            return out;
        }
        // one object, or JSON lines
        List<String> docs = new ArrayList<>();
        try (var p = MAPPER.createParser(trimmed)) {
            // a single (possibly multi-line) object parses in one go
            JsonNode one = MAPPER.readTree(p);
            if (p.nextToken() == null) {
                out.add(fromNode(0, one, limits));
                return out;
            }
        } catch (Exception e) {
            // fall through to line-by-line reading, which reports each bad line on its own
        }
        for (String line : trimmed.split("\\R")) {
            if (!line.isBlank()) docs.add(line);
        }
        if (docs.size() > limits.maxBatch()) {
            out.add(new Parsed(0, null, new InvalidCaseException(null, "", "batch of " + docs.size()
                    + " cases is larger than the limit of " + limits.maxBatch())));
            return out;
        }
        for (int i = 0; i < docs.size(); i++) {
            try {
                out.add(fromNode(i, MAPPER.readTree(docs.get(i)), limits));
            } catch (JsonProcessingException e) {
                out.add(new Parsed(i, null, malformed(i, e)));
            } catch (NumberFormatException e) {
                out.add(new Parsed(i, null, numberOutOfRange(e)));
            }
        }
        return out;
    }

    /** A number Jackson cannot hold as a BigDecimal (an exponent of thousands of digits): the case's error, not a crash. */
    /**
     * Why a JSON text could not be read, as this reader says it to every caller (the command line, the service):
     * malformed JSON with line and column, a duplicate key with its path, invalid UTF-8 — never the parser's own
     * message naming its classes.
     */
    public static InvalidCaseException unreadable(JsonProcessingException e) {
        return malformed(null, e);
    }

    /** A number the parser could not hold (an exponent such as {@code 1e99999999999}), as this reader says it. */
    public static InvalidCaseException unreadable(NumberFormatException e) {
        return numberOutOfRange(e);
    }

    static InvalidCaseException numberOutOfRange(NumberFormatException e) {
        return new InvalidCaseException(null, "", "a number is out of range (its exponent is too large to be an amount or"
                + " a count); write amounts in plain decimal notation");
    }

    static InvalidCaseException malformed(Integer line, JsonProcessingException e) {
        String dup = duplicateKey(e);
        if (dup != null) {
            return new InvalidCaseException(null, dup, DUPLICATE_PROBLEM);
        }
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + (line == null ? loc.getLineNr() : line + 1) + ", column " + loc.getColumnNr();
        String msg = clip(String.valueOf(e.getOriginalMessage()));
        if (msg.startsWith("Trailing token")) {
            msg = "unexpected content after the end of the JSON value (give one case object, one array of cases, "
                    + "or one case per line)";
        }
        int cut = msg.indexOf('\n');
        if (cut > 0) msg = msg.substring(0, cut);
        if (msg.contains("Invalid UTF-8")) {
            return new InvalidCaseException(null, "", "the input is not valid UTF-8" + where);
        }
        if (msg.startsWith("Document nesting depth")) msg = "nested more than 1000 levels deep";
        return new InvalidCaseException(null, "", "malformed JSON" + where + ": " + msg);
    }

    static final String DUPLICATE_PROBLEM = "the key appears twice in the same object (duplicate key); give it once";
    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate (?:field|Object property) [\"'](.*)[\"']");

    /** The JSON path of a duplicate key reported by the parser, or {@code null} for any other error. */
    static String duplicateKey(JsonProcessingException e) {
        java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.find()) return null;
        String name = m.group(1);
        if (e.getProcessor() instanceof JsonParser p) {
            StringBuilder path = new StringBuilder();
            for (var c = p.getParsingContext() == null ? null : p.getParsingContext().getParent(); c != null; c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) path.insert(0, c.getCurrentName() + ".");
                else if (c.inArray() && c.getParent() != null && !c.getParent().inRoot()) path.insert(0, "[" + c.getCurrentIndex() + "].");
            }
            String prefix = path.toString().replace(".[", "[");
            return prefix + name;
        }
        return name;
    }

    /** User text quoted in a message: long text is cut so that an error never echoes a megabyte. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…（共 " + s.length() + " 个字符）";
    }

    static Parsed fromNode(int index, JsonNode n, Limits limits) {
        String id = n != null && n.isObject() && n.get("id") != null && n.get("id").isTextual() ? n.get("id").asText() : null;
        try {
            if (depth(n) > limits.maxDepth()) {
                throw new InvalidCaseException(id, "", "nesting deeper than the limit of " + limits.maxDepth());
            }
            return new Parsed(index, toCase(n), null);
        } catch (InvalidCaseException e) {
            return new Parsed(index, null, e);
        } catch (RuntimeException e) {
            return new Parsed(index, null, new InvalidCaseException(id, "", "cannot read the case ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private static int depth(JsonNode n) {
        if (n == null || !n.isContainerNode()) return 0;
        int max = 0;
        for (JsonNode c : n) max = Math.max(max, depth(c));
        return max + 1;
    }

    /** Converts a JSON (or YAML) tree into a case, field by field, with precise messages. */
    public static CaseInput toCase(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidCaseException(null, "", "a case must be a JSON object, was " + kind(n));
        }
        String id = null;
        if (n.has("id") && !n.get("id").isNull()) {
            if (!n.get("id").isTextual()) throw new InvalidCaseException(null, "id", "must be a string, was " + kind(n.get("id")));
            id = n.get("id").asText();
        }
        unknownFields(id, "", n, CASE_FIELDS);
        Party party = Party.UNKNOWN;
        JsonNode p = n.get("party");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) throw new InvalidCaseException(id, "party", "must be an object, was " + kind(p));
            unknownFields(id, "party.", p, PARTY_FIELDS);
            party = new Party(enumOf(id, "party.type", p.get("type"), PartyType.class),
                    integer(id, "party.age", p.get("age")),
                    enumOf(id, "party.mentalCapacity", p.get("mentalCapacity"), MentalCapacity.class),
                    date(id, "party.birthDate", p.get("birthDate")), text(id, "party.name", p.get("name")),
                    text(id, "party.idNumber", p.get("idNumber")));
        }
        Agency agency = null;
        JsonNode ag = n.get("agency");
        if (ag != null && !ag.isNull()) {
            if (!ag.isObject()) throw new InvalidCaseException(id, "agency", "must be an object, was " + kind(ag));
            unknownFields(id, "agency.", ag, AGENCY_FIELDS);
            agency = new Agency(text(id, "agency.name", ag.get("name")), text(id, "agency.divisionCode", ag.get("divisionCode")));
        }
        List<String> evidence = null;
        JsonNode ev = n.get("evidence");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) throw new InvalidCaseException(id, "evidence", "must be an array of strings, was " + kind(ev));
            evidence = new ArrayList<>();
            for (int i = 0; i < ev.size(); i++) evidence.add(element(id, "evidence[" + i + "]", ev.get(i)));
        }
        List<String> catalogs = null;
        JsonNode cs = n.get("catalogs");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) throw new InvalidCaseException(id, "catalogs", "must be an array of catalog ids, was " + kind(cs));
            catalogs = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) catalogs.add(element(id, "catalogs[" + i + "]", cs.get(i)));
        }
        List<PriorViolation> priors = null;
        JsonNode pv = n.get("priorViolations");
        if (pv != null && !pv.isNull()) {
            if (!pv.isArray()) throw new InvalidCaseException(id, "priorViolations", "must be an array, was " + kind(pv));
            priors = new ArrayList<>();
            for (int i = 0; i < pv.size(); i++) {
                JsonNode e = pv.get(i);
                String f = "priorViolations[" + i + "]";
                if (!e.isObject()) throw new InvalidCaseException(id, f, "must be an object, was " + kind(e));
                unknownFields(id, f + ".", e, PRIOR_FIELDS);
                priors.add(new PriorViolation(date(id, f + ".date", e.get("date")), text(id, f + ".item", e.get("item")),
                        text(id, f + ".provision", e.get("provision"))));
            }
        }
        Set<Circumstance> circumstances = EnumSet.noneOf(Circumstance.class);
        JsonNode ci = n.get("circumstances");
        if (ci != null && !ci.isNull()) {
            if (!ci.isArray()) throw new InvalidCaseException(id, "circumstances", "must be an array, was " + kind(ci));
            for (int i = 0; i < ci.size(); i++) {
                if (ci.get(i).isNull()) {
                    throw new InvalidCaseException(id, "circumstances[" + i + "]", "must be one of the circumstance names, was null");
                }
                circumstances.add(enumOf(id, "circumstances[" + i + "]", ci.get(i), Circumstance.class));
            }
        }
        PenaltyRange range = null;
        JsonNode pr = n.get("penaltyRange");
        if (pr != null && !pr.isNull()) {
            if (!pr.isObject()) throw new InvalidCaseException(id, "penaltyRange", "must be an object, was " + kind(pr));
            unknownFields(id, "penaltyRange.", pr, RANGE_FIELDS);
            range = new PenaltyRange(decimal(id, "penaltyRange.fineMin", pr.get("fineMin")),
                    decimal(id, "penaltyRange.fineMax", pr.get("fineMax")),
                    decimal(id, "penaltyRange.gainsMultipleMin", pr.get("gainsMultipleMin")),
                    decimal(id, "penaltyRange.gainsMultipleMax", pr.get("gainsMultipleMax")),
                    text(id, "penaltyRange.text", pr.get("text")));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        JsonNode fs = n.get("facts");
        if (fs != null && !fs.isNull()) {
            if (!fs.isObject()) throw new InvalidCaseException(id, "facts", "must be an object, was " + kind(fs));
            for (Iterator<Map.Entry<String, JsonNode>> it = fs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                String f = "facts." + e.getKey();
                if (v.isNull()) continue;
                if (v.isNumber()) facts.put(e.getKey(), decimal(id, f, v));
                else if (v.isBoolean()) facts.put(e.getKey(), v.booleanValue());
                else if (v.isTextual()) facts.put(e.getKey(), v.asText());
                else throw new InvalidCaseException(id, f, "must be a number, a boolean or a string, was " + kind(v));
            }
        }
        Boolean first = null;
        JsonNode fo = n.get("firstOffense");
        if (fo != null && !fo.isNull()) {
            if (!fo.isBoolean()) throw new InvalidCaseException(id, "firstOffense", "must be true or false, was " + kind(fo));
            first = fo.booleanValue();
        }
        return new CaseInput(id, text(id, "item", n.get("item")), text(id, "provision", n.get("provision")), catalogs,
                party, date(id, "actDate", n.get("actDate")), date(id, "actEndDate", n.get("actEndDate")),
                date(id, "discoveryDate", n.get("discoveryDate")), date(id, "decisionDate", n.get("decisionDate")),
                first, priors, enumOf(id, "correction", n.get("correction"), Correction.class),
                enumOf(id, "severity", n.get("severity"), Severity.class), enumOf(id, "harm", n.get("harm"), Harm.class),
                circumstances, decimal(id, "illegalGains", n.get("illegalGains")), range, facts,
                text(id, "caseNumber", n.get("caseNumber")), agency, text(id, "factsFound", n.get("factsFound")), evidence);
    }

    private static void unknownFields(String id, String prefix, JsonNode n, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new InvalidCaseException(id, prefix + f, "unknown field; known fields are "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "the string \"" + clip(n.asText()) + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "an array";
        return "an object";
    }

    private static String text(String id, String field, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidCaseException(id, field, "must be a string, was " + kind(n));
        return n.asText();
    }

    /** An element of an array of strings: {@code null} is not a string. */
    private static String element(String id, String field, JsonNode n) {
        if (n == null || n.isNull()) throw new InvalidCaseException(id, field, "must be a string, was null");
        return text(id, field, n);
    }

    private static Integer integer(String id, String field, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new InvalidCaseException(id, field, "must be a whole number, was " + kind(n));
        }
        return n.intValue();
    }

    private static BigDecimal decimal(String id, String field, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw new InvalidCaseException(id, field, "must be a number, was " + kind(n));
        BigDecimal v = n.decimalValue();
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidCaseException(id, field, "is too large (" + clip(v.toString()) + "): at most "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (v.scale() > MAX_SCALE) {
            BigDecimal s = v.stripTrailingZeros();
            if (s.scale() > MAX_SCALE) {
                throw new InvalidCaseException(id, field, "has too many decimal places (" + clip(v.toString()) + "): at most " + MAX_SCALE);
            }
            v = s;
        }
        return v;
    }

    private static LocalDate date(String id, String field, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidCaseException(id, field, "must be an ISO date string (YYYY-MM-DD), was " + kind(n));
        if (!ISO_DATE.matcher(n.asText()).matches()) {
            throw new InvalidCaseException(id, field, "is not a valid date: \"" + clip(n.asText()) + "\" (expected YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidCaseException(id, field, "is not a valid date: \"" + clip(n.asText()) + "\" (expected YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E enumOf(String id, String field, JsonNode n, Class<E> type) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidCaseException(id, field, "must be a string, was " + kind(n));
        try {
            return Enum.valueOf(type, n.asText());
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
            throw new InvalidCaseException(id, field, "\"" + clip(n.asText()) + "\" is not one of " + allowed);
        }
    }

    // ---- output ---------------------------------------------------------------------------------------------

    /** A decision as a JSON object (contract v1). */
    public static ObjectNode toJson(Decision d) {
        return MAPPER.valueToTree(d);
    }

    /**
     * A case as a JSON object (contract v1) with <em>every</em> contract field present: an unknown fact is written as
     * an explicit {@code null}, so that a stored case says what was unknown, not merely what was left out. Reading
     * the result back with {@link #parseCase} gives an equal case.
     */
    public static ObjectNode toJson(CaseInput c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("item", c.item());
        o.put("provision", c.provision());
        ArrayNode cats = o.putArray("catalogs");
        c.catalogs().forEach(cats::add);
        ObjectNode party = o.putObject("party");
        party.put("type", c.party().type() == null ? null : c.party().type().name());
        party.put("age", c.party().age());
        party.put("mentalCapacity", c.party().mentalCapacity() == null ? null : c.party().mentalCapacity().name());
        putDate(party, "birthDate", c.party().birthDate());
        party.put("name", c.party().name());
        party.put("idNumber", c.party().idNumber());
        putDate(o, "actDate", c.actDate());
        putDate(o, "actEndDate", c.actEndDate());
        putDate(o, "discoveryDate", c.discoveryDate());
        putDate(o, "decisionDate", c.decisionDate());
        o.put("firstOffense", c.firstOffense());
        if (c.priorViolations() == null) {
            o.putNull("priorViolations");
        } else {
            ArrayNode pv = o.putArray("priorViolations");
            for (PriorViolation p : c.priorViolations()) {
                ObjectNode e = pv.addObject();
                putDate(e, "date", p.date());
                e.put("item", p.item());
                e.put("provision", p.provision());
            }
        }
        o.put("correction", c.correction() == null ? null : c.correction().name());
        o.put("severity", c.severity() == null ? null : c.severity().name());
        o.put("harm", c.harm() == null ? null : c.harm().name());
        ArrayNode ci = o.putArray("circumstances");
        c.circumstances().stream().sorted().forEach(x -> ci.add(x.name()));
        o.set("illegalGains", exact(c.illegalGains()));
        if (c.penaltyRange() == null) {
            o.putNull("penaltyRange");
        } else {
            ObjectNode pr = o.putObject("penaltyRange");
            pr.set("fineMin", exact(c.penaltyRange().fineMin()));
            pr.set("fineMax", exact(c.penaltyRange().fineMax()));
            pr.set("gainsMultipleMin", exact(c.penaltyRange().gainsMultipleMin()));
            pr.set("gainsMultipleMax", exact(c.penaltyRange().gainsMultipleMax()));
            pr.put("text", c.penaltyRange().text());
        }
        ObjectNode facts = o.putObject("facts");
        c.facts().forEach((k, v) -> {
            if (v instanceof Boolean b) facts.put(k, b);
            else if (v instanceof Number num) facts.set(k, exact(new BigDecimal(num.toString())));
            else facts.put(k, v == null ? null : v.toString());
        });
        o.put("caseNumber", c.caseNumber());
        ObjectNode agency = o.putObject("agency");
        agency.put("name", c.agency().name());
        agency.put("divisionCode", c.agency().divisionCode());
        o.put("factsFound", c.factsFound());
        ArrayNode ev = o.putArray("evidence");
        c.evidence().forEach(ev::add);
        return o;
    }

    /** Numbers exactly as given (the default node factory would normalise 500 to 5E+2). */
    private static JsonNode exact(BigDecimal v) {
        return v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : com.fasterxml.jackson.databind.node.DecimalNode.valueOf(v);
    }

    private static void putDate(ObjectNode o, String field, LocalDate d) {
        o.put(field, d == null ? null : d.toString());
    }

    /** An input error as a JSON object: {@code {"id":…, "error":{"field":…, "problem":…, "message":…}}}. */
    public static ObjectNode errorJson(InvalidCaseException e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", e.caseId());
        ObjectNode err = o.putObject("error");
        err.put("field", e.field());
        err.put("problem", e.problem());
        err.put("message", e.getMessage());
        return o;
    }

    /**
     * A decision written as compact JSON in one pass, without building the tree: the same text as
     * {@code write(toJson(d), false)} (checked over the golden decisions), at about half the cost — a full decision is
     * some 8 KB, and a batch writes one per case.
     */
    public static String writeDecision(Decision d) {
        try {
            return MAPPER.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a JSON node, compact or indented. */
    public static String write(JsonNode n, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) : MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decisions and errors of a batch as a JSON array, in input order. */
    public static ArrayNode toJson(List<Evaluation> evaluations) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Evaluation e : evaluations) a.add(e.ok() ? toJson(e.decision()) : errorJson(e.error()));
        return a;
    }

    /** Reads a decision back from its JSON (for replay). */
    public static Decision readDecision(String json) {
        try {
            return MAPPER.readValue(json, Decision.class);
        } catch (JsonProcessingException e) {
            throw new DiscretionException("cannot read decision JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
