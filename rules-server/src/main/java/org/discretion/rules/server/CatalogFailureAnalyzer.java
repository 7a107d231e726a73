package org.discretion.rules.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.discretion.rules.api.DiscretionException;

/**
 * A service that cannot load its catalogs (a folder with none, a broken catalog) says so in the engine's words —
 * the folder, file:line:column and problem — instead of a Spring bean-creation stack trace.
 */
final class CatalogFailureAnalyzer extends AbstractFailureAnalyzer<DiscretionException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, DiscretionException cause) {
        return new FailureAnalysis("The catalogs could not be loaded: " + cause.getMessage(),
                "Give --catalogs a catalog folder (catalog.yaml and rules.drl) or a folder of catalog folders, and run "
                        + "./discretion check on it to see every problem with its file and line (docs/service.md).",
                cause);
    }
}
