package org.discretion.rules.spring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.ReloadListener;
import org.discretion.rules.api.ReloadResult;
import org.discretion.rules.api.ReloadableEngine;

/**
 * Health of the engine ({@code /actuator/health/discretion}): UP while it serves, with the catalog versions it serves
 * (id → version and content hash) and, for a reloading engine, the last reload and its error. A rejected reload
 * leaves the status UP — the working catalogs keep serving — and shows {@code lastReloadError}, so a monitor can
 * alert on it without taking the service out of rotation.
 */
public class DiscretionHealthIndicator extends AbstractHealthIndicator {
    private final DiscretionEngine engine;
    private final AtomicReference<ReloadResult> lastReload = new AtomicReference<>();
    private final AtomicReference<Instant> lastReloadAt = new AtomicReference<>();
    private final AtomicReference<ReloadResult> lastRejected = new AtomicReference<>();

    public DiscretionHealthIndicator(DiscretionEngine engine) {
        super("discretion engine health check failed");
        this.engine = engine;
        // a listener of its own, not a ReloadListener bean: the engine collects those beans when it is built
        if (engine instanceof ReloadableEngine r) {
            r.addListener(new ReloadListener() {
                @Override
                public void onReload(ReloadResult result) {
                    recordReload(result);
                }
            });
        }
    }

    private void recordReload(ReloadResult result) {
        lastReload.set(result);
        lastReloadAt.set(Instant.now());
        if (result.outcome() == ReloadResult.Outcome.REJECTED) lastRejected.set(result);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> catalogs = new LinkedHashMap<>();
        for (CatalogVersion v : engine.catalogVersions()) {
            catalogs.put(v.id(), v.version() + " (" + (v.contentHash() == null ? "?" : v.contentHash()
                    .substring(0, Math.min(12, v.contentHash().length()))) + ")");
        }
        builder.up().withDetail("engineVersion", DiscretionEngine.VERSION).withDetail("catalogs", catalogs)
                .withDetail("reloadable", engine instanceof ReloadableEngine);
        ReloadResult last = lastReload.get();
        if (last != null) {
            builder.withDetail("lastReload", last.outcome().name()).withDetail("lastReloadAt", lastReloadAt.get().toString());
        }
        ReloadResult rejected = lastRejected.get();
        if (rejected != null && last != null && last.outcome() == ReloadResult.Outcome.REJECTED) {
            builder.withDetail("lastReloadError", rejected.errors());
        }
    }
}
