package org.discretion.rules.api;

/** Three-valued result of a condition or a ground: unknown is never false. */
public enum Status {
    HELD, FAILED, UNKNOWN
}
