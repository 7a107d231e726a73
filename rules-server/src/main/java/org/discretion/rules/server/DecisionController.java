package org.discretion.rules.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.InvalidCaseException;

/** {@code POST /v1/decisions} and {@code POST /v1/replay}. */
@RestController
public class DecisionController {
    private final EngineService engines;
    private final Metrics metrics;
    private final ServiceConfig.Limits limits;
    private final CaseSchema schema;

    public DecisionController(EngineService engines, Metrics metrics, ServiceConfig.Limits limits, CaseSchema schema) {
        this.engines = engines;
        this.metrics = metrics;
        this.limits = limits;
        this.schema = schema;
    }

    @Operation(summary = "Decide one case or a batch",
            description = "Body: one case object (JSON contract v1, docs/case-and-decision.md) or an array of them. "
                    + "One case: 200 with its decision, or 422 with an RFC 9457 problem naming the case, the field and "
                    + "the problem. A batch: 200 with an array in input order, each element a decision or such a "
                    + "problem (with its index); the other cases are decided. Each case is validated against the case "
                    + "schema v1 (GET /v1/schema/case) and by the engine; a problem lists every schema violation in "
                    + "schemaErrors. 400 malformed JSON or an empty batch, 413 body or batch over the limits.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", description = "a case, or an array of cases"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "the decision, or the decisions and per-case problems"),
                @ApiResponse(responseCode = "422", description = "the one case given is invalid",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "400", description = "malformed JSON, or an empty batch",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "413", description = "body or batch too large",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/v1/decisions", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<Object> decide(HttpServletRequest request) throws IOException {
        Body body = read(request);
        if (body.problem != null) return Problems.response(body.problem);
        JsonNode root = body.json;
        if (root.isArray()) {
            if (root.isEmpty()) {
                // nothing was decided: not a green 200 with an empty array (the CLI and /v1/replay refuse it too)
                metrics.rejected("malformed");
                return Problems.response(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "请求有误（invalid request）",
                        "the batch is empty: no case to decide (give one case object or an array of cases)");
            }
            if (root.size() > limits.maxBatch()) {
                metrics.rejected("batch_too_large");
                return Problems.response(Problems.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, "批量过大（batch too large）",
                        "batch of " + root.size() + " cases is larger than the limit of " + limits.maxBatch()
                                + " (discretion.limits.max-batch)");
            }
            // read every case first, then decide the readable ones together (evaluateAll), in input order
            List<ObjectNode> out = new ArrayList<>();
            List<CaseInput> inputs = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            int i = 0;
            for (JsonNode n : root) {
                Object r = read(n, i);
                if (r instanceof CaseInput c) {
                    inputs.add(c);
                    at.add(i);
                    out.add(null);
                } else {
                    out.add((ObjectNode) r);
                }
                i++;
            }
            if (!inputs.isEmpty()) {
                long t0 = System.nanoTime();
                List<Evaluation> done = engines.engine().evaluateAll(inputs);
                long each = (System.nanoTime() - t0) / inputs.size();
                for (int k = 0; k < done.size(); k++) {
                    out.set(at.get(k), result(inputs.get(k), done.get(k), each, at.get(k)));
                }
            }
            ArrayNode array = Json.MAPPER.createArrayNode();
            out.forEach(array::add);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(array);
        }
        Object r = read(root, null);
        if (r instanceof ObjectNode problem) return Problems.response(problem);
        CaseInput input = (CaseInput) r;
        long t0 = System.nanoTime();
        Evaluation e;
        try {
            e = Evaluation.of(engines.engine().evaluate(input));
        } catch (InvalidCaseException ex) {
            e = Evaluation.failed(ex);
        }
        ObjectNode one = result(input, e, System.nanoTime() - t0, null);
        return e.ok() ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(one) : Problems.response(one);
    }

    /** A decided case as JSON (counted, timed and logged), or its problem. */
    private ObjectNode result(CaseInput input, Evaluation e, long nanos, Integer index) {
        if (!e.ok()) {
            metrics.rejected("invalid_case");
            return Problems.invalidCase(e.error(), index);
        }
        metrics.decided(e.decision().handling(), nanos);
        engines.log(input, e.decision());
        return CaseJson.toJson(e.decision());
    }

    /**
     * The case read from its JSON, or its problem. Every case is checked twice: against the case schema v1 and by the
     * engine's reader ({@code CaseJson}, the same as the command line's). One problem per bad case: the engine's error
     * when its reader rejects the case (its messages are the command line's and name the rule, e.g. "must not be
     * negative (was -3)"), else the schema's first violation; all schema violations are listed in
     * {@code schemaErrors} ({@code field}, {@code message}).
     */
    private Object read(JsonNode n, Integer index) {
        CaseInput input = null;
        InvalidCaseException error = null;
        List<CaseSchema.Violation> violations = List.of();
        try {
            if (!n.isObject()) {
                throw new InvalidCaseException(null, "", "expected a case object, found " + n.getNodeType().name().toLowerCase());
            }
            if (depth(n) > limits.maxDepth()) {
                throw new InvalidCaseException(id(n), "", "nesting deeper than the limit of " + limits.maxDepth());
            }
            violations = schema.validate(n);
            input = CaseJson.toCase(n);
        } catch (InvalidCaseException e) {
            error = e;
        } catch (RuntimeException e) {
            error = new InvalidCaseException(id(n), "", "cannot read the case: " + e.getMessage());
        }
        if (error == null && violations.isEmpty()) return input;
        if (error == null) {
            CaseSchema.Violation first = violations.get(0);
            error = new InvalidCaseException(id(n), first.field(), first.message());
        }
        metrics.rejected("invalid_case");
        ObjectNode problem = Problems.invalidCase(error, index);
        if (!violations.isEmpty()) {
            ArrayNode all = problem.putArray("schemaErrors");
            for (CaseSchema.Violation v : violations) {
                all.addObject().put("field", v.field()).put("message", v.message());
            }
        }
        return problem;
    }

    @Operation(summary = "Replay decision records",
            description = "Body: decision records as written by `./discretion evaluate --record` or by the service's "
                    + "decision log (one JSON object per line). Each case is evaluated again as on its recorded date "
                    + "with the catalogs serving now; each record is REPRODUCED, DIFFERENT (with the differences field "
                    + "by field), REFUSED (its catalogs differ, unless allowChangedCatalogs) or REJECTED (the case is "
                    + "now invalid).")
    @PostMapping(path = "/v1/replay", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Parameter(in = ParameterIn.QUERY, name = "allowChangedCatalogs", description = "compare even when a catalog's "
            + "content differs from the one the decision was made with", schema = @Schema(type = "boolean", defaultValue = "false"))
    public ResponseEntity<Object> replay(HttpServletRequest request) throws IOException {
        // the body is read before any request parameter: a form-encoded body (curl --data-binary without a
        // Content-Type) would otherwise be consumed as parameters by the servlet container
        String text = readText(request);
        boolean allowChangedCatalogs = "true".equals(request.getParameter("allowChangedCatalogs"));
        if (text == null) return tooLarge();
        List<DecisionRecord> records;
        try {
            records = DecisionRecord.readAll(text);
        } catch (DiscretionException e) {
            metrics.rejected("invalid_record");
            return Problems.response(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "决定记录有误（invalid record）",
                    e.getMessage());
        }
        if (records.isEmpty()) {
            return Problems.response(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "决定记录有误（invalid record）",
                    "the body holds no decision record (one JSON object per line, as evaluate --record writes)");
        }
        if (records.size() > limits.maxBatch()) {
            metrics.rejected("batch_too_large");
            return Problems.response(Problems.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, "批量过大（batch too large）",
                    records.size() + " records, more than the limit of " + limits.maxBatch());
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        int same = 0;
        for (DecisionRecord r : records) {
            ObjectNode o = results.addObject();
            o.put("caseId", r.input().id());
            o.put("recordedHandling", r.decision().handling().name());
            if (!r.engineVersion().equals(DiscretionEngine.VERSION)) {
                o.put("warning", "recorded with engine " + r.engineVersion() + ", replaying with " + DiscretionEngine.VERSION);
            }
            List<String> changes = r.catalogChanges(engines.versions());
            ArrayNode ch = o.putArray("catalogChanges");
            changes.forEach(ch::add);
            if (!changes.isEmpty() && !allowChangedCatalogs) {
                o.put("outcome", "REFUSED");
                continue;
            }
            Decision now;
            try {
                now = engines.replay(r);
            } catch (InvalidCaseException e) {
                o.put("outcome", "REJECTED");
                o.put("detail", e.getMessage());
                continue;
            }
            o.put("handling", now.handling().name());
            List<String> diffs = r.differences(now);
            ArrayNode df = o.putArray("differences");
            diffs.forEach(df::add);
            o.put("outcome", diffs.isEmpty() ? "REPRODUCED" : "DIFFERENT");
            if (diffs.isEmpty()) same++;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("records", records.size());
        out.put("reproduced", same);
        out.set("results", results);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
    }

    private record Body(JsonNode json, ObjectNode problem) {
    }

    /** Reads the body as one JSON value within the size limit. */
    private Body read(HttpServletRequest request) throws IOException {
        String text = readText(request);
        if (text == null) {
            metrics.rejected("body_too_large");
            return new Body(null, Problems.problem(Problems.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
                    "请求过大（request too large）", "the request body is larger than the limit of "
                            + limits.maxBodyBytes() + " bytes (discretion.limits.max-body-bytes)"));
        }
        if (text.isBlank()) {
            metrics.rejected("malformed");
            return new Body(null, Problems.problem(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
                    "请求有误（invalid request）", "the body is empty: give one case object or an array of cases"));
        }
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            // trailing content is checked below with a message for the caller, not by Jackson's own (which names
            // its classes and features)
            JsonNode root = Json.MAPPER.reader().without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(p);
            if (p.nextToken() != null) {
                metrics.rejected("malformed");
                return new Body(null, Problems.problem(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
                        "请求有误（invalid request）", "unexpected content after the end of the JSON value (give one case "
                                + "object or one array of cases; JSON lines are read by ./discretion evaluate)"));
            }
            return new Body(root, null);
        } catch (JsonProcessingException | NumberFormatException e) {
            // said as the engine's reader says it (duplicate keys by path, invalid UTF-8, numbers out of range)
            metrics.rejected("malformed");
            InvalidCaseException why = e instanceof NumberFormatException n ? CaseJson.unreadable(n)
                    : CaseJson.unreadable((JsonProcessingException) e);
            return new Body(null, Problems.problem(Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
                    "JSON 格式有误（malformed JSON）", (why.field().isEmpty() ? "" : "field \"" + why.field() + "\": ")
                            + why.problem()));
        }
    }

    /** The body as UTF-8 text, or null when it is larger than the limit. */
    private String readText(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) return null;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(limits.maxBodyBytes() + 1);
            if (bytes.length > limits.maxBodyBytes()) return null;
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ResponseEntity<Object> tooLarge() {
        metrics.rejected("body_too_large");
        return Problems.response(Problems.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, "请求过大（request too large）",
                "the request body is larger than the limit of " + limits.maxBodyBytes() + " bytes");
    }

    private static String id(JsonNode n) {
        JsonNode id = n == null ? null : n.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private static int depth(JsonNode n) {
        if (n == null || !n.isContainerNode()) return 0;
        int max = 0;
        for (JsonNode c : n) max = Math.max(max, depth(c));
        return max + 1;
    }
}
