package org.discretion.rules.api;

/** Base of every exception the engine throws on purpose. Unchecked; each subclass carries structured fields. */
public class DiscretionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DiscretionException(String message) {
        super(message);
    }

    public DiscretionException(String message, Throwable cause) {
        super(message, cause);
    }
}
