package org.discretion.rules.api;

/**
 * A catalog as loaded: id, declared version and the SHA-256 of its files, so that a decision can be replayed.
 */
public record CatalogVersion(String id, String version, String contentHash) {
}
