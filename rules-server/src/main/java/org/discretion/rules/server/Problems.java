package org.discretion.rules.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.discretion.rules.api.InvalidCaseException;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail}, and for a case: {@code caseId}, {@code field}, {@code problem} and, in a batch,
 * {@code index} (0-based position in the request).
 */
final class Problems {
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    static final String INVALID_CASE = "urn:discretion-rules:problem:invalid-case";
    static final String INVALID_REQUEST = "urn:discretion-rules:problem:invalid-request";
    static final String TOO_LARGE = "urn:discretion-rules:problem:too-large";
    static final String NOT_FOUND = "urn:discretion-rules:problem:not-found";

    private Problems() {
    }

    static ObjectNode problem(String type, HttpStatus status, String title, String detail) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", type);
        o.put("title", title);
        o.put("status", status.value());
        o.put("detail", detail);
        return o;
    }

    /** One case that cannot be read or decided: 422, naming the case, the field and the problem. */
    static ObjectNode invalidCase(InvalidCaseException e, Integer index) {
        ObjectNode o = problem(INVALID_CASE, HttpStatus.UNPROCESSABLE_ENTITY, "案件数据有误（invalid case）", e.getMessage());
        if (index != null) o.put("index", index);
        o.put("caseId", e.caseId());
        o.put("field", e.field());
        o.put("problem", e.problem());
        return o;
    }

    static ResponseEntity<Object> response(ObjectNode problem) {
        return ResponseEntity.status(problem.get("status").asInt()).contentType(PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<Object> response(String type, HttpStatus status, String title, String detail) {
        return response(problem(type, status, title, detail));
    }
}
