package org.discretion.rules.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.discretion.rules.api.CatalogVersion;

/** The engine, its metrics and its health, from the {@code discretion.*} properties (application.properties). */
@Configuration(proxyBeanMethods = false)
public class ServiceConfig {

    @Bean(destroyMethod = "close")
    EngineService engineService(@Value("${discretion.catalogs.dir:}") String dir,
                                @Value("${discretion.catalogs.watch:true}") boolean watch,
                                @Value("${discretion.decision-log:}") String decisionLog, Metrics metrics) {
        EngineService s = new EngineService(dir.isBlank() ? null : Path.of(dir).toAbsolutePath(), watch,
                decisionLog.isBlank() ? null : Path.of(decisionLog).toAbsolutePath(), Clock.systemDefaultZone());
        s.addReloadListener(new org.discretion.rules.api.ReloadListener() {
            @Override
            public void onReload(org.discretion.rules.api.ReloadResult r) {
                metrics.reload(r.outcome());
            }
        });
        return s;
    }

    /** The case schema v1, loaded once and shared by every request (thread-safe). */
    @Bean
    CaseSchema caseSchema() {
        return new CaseSchema();
    }

    @Bean
    Metrics metrics(MeterRegistry registry) {
        return new Metrics(registry);
    }

    @Bean
    Limits limits(@Value("${discretion.limits.max-body-bytes:2097152}") int maxBody,
                  @Value("${discretion.limits.max-batch:1000}") int maxBatch,
                  @Value("${discretion.limits.max-depth:20}") int maxDepth) {
        return new Limits(maxBody, maxBatch, maxDepth);
    }

    /** Request limits: body size in bytes, cases per batch, JSON nesting depth. */
    public record Limits(int maxBodyBytes, int maxBatch, int maxDepth) {
    }

    /**
     * {@code /actuator/health/catalogs}: UP while catalogs serve (a rejected reload leaves the working version
     * serving, so it stays UP and says why the new version was refused), with every catalog version serving.
     */
    @Bean
    HealthIndicator catalogs(EngineService engines) {
        return () -> {
            // the last reload's error stays in lastReload.error until a later reload succeeds or finds nothing new
            Map<String, Object> versions = new LinkedHashMap<>();
            for (CatalogVersion v : engines.versions()) {
                versions.put(v.id(), Map.of("version", v.version(), "contentHash", v.contentHash()));
            }
            Health.Builder h = Health.up().withDetail("source", engines.directory()
                            .map(d -> "shipped catalogs and " + d).orElse("shipped catalogs (class path)"))
                    .withDetail("versions", versions);
            EngineService.LastReload r = engines.lastReload();
            if (r != null) {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("at", r.at().toString());
                last.put("outcome", r.outcome().name());
                last.put("millis", r.millis());
                if (!r.errors().isBlank()) last.put("error", r.errors());
                h.withDetail("lastReload", last);
            }
            return h.build();
        };
    }
}
