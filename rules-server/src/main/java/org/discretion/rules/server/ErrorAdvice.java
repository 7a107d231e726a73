package org.discretion.rules.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.discretion.rules.api.DiscretionException;

/** Whatever escapes a controller still answers as an RFC 9457 problem with a message, never a stack trace. */
@RestControllerAdvice(assignableTypes = {DecisionController.class, CatalogController.class})
class ErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(DiscretionException.class)
    ResponseEntity<Object> discretion(DiscretionException e) {
        LOG.warn("request failed: {}", e.getMessage());
        return Problems.response(Problems.INVALID_REQUEST, HttpStatus.INTERNAL_SERVER_ERROR, "处理失败（engine error）",
                e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> other(RuntimeException e) {
        LOG.error("request failed", e);
        return Problems.response("about:blank", HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
