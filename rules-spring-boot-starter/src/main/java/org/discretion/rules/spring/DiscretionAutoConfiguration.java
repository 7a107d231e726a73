package org.discretion.rules.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.EvaluationListener;
import org.discretion.rules.api.ReloadListener;
import org.discretion.rules.api.ReloadableEngine;
import org.discretion.rules.api.Settings;

/**
 * Auto-configures a {@link DiscretionEngine} from {@code discretion.*} ({@link DiscretionProperties}):
 * <ul>
 *   <li>without {@code discretion.catalogs.dir}: an engine over the class-path catalogs;</li>
 *   <li>with it: a {@link ReloadableEngine} over the class-path catalogs (unless {@code discretion.catalogs.classpath
 *       = false}) and that folder, watching it for changes unless {@code discretion.catalogs.watch = false}; a broken
 *       folder never replaces the working catalogs;</li>
 *   <li>{@link Settings} from {@code discretion.settings.*}, every {@link EvaluationListener} bean as a listener and
 *       every {@link ReloadListener} bean told about reloads;</li>
 *   <li>with Micrometer and a {@link MeterRegistry}: {@link DiscretionMetrics}; with Actuator:
 *       {@link DiscretionHealthIndicator} ({@code management.health.discretion.enabled=false} turns it off).</li>
 * </ul>
 * Each bean backs off when the application defines its own ({@code @ConditionalOnMissingBean}). A catalog that does
 * not build fails start-up with every error as {@code file:line:column: message}: a half-working engine never serves.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(DiscretionEngine.class)
@EnableConfigurationProperties(DiscretionProperties.class)
public class DiscretionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Settings discretionSettings(DiscretionProperties properties) {
        return properties.getSettings().toSettings();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DiscretionEngine.class)
    @ConditionalOnProperty(prefix = "discretion.catalogs", name = "dir")
    public ReloadableEngine reloadableDiscretionEngine(DiscretionProperties properties, Settings settings,
                                                       ObjectProvider<EvaluationListener> listeners,
                                                       ObjectProvider<ReloadListener> reloadListeners) {
        DiscretionProperties.Catalogs c = properties.getCatalogs();
        ReloadableEngine engine = builder(properties, settings, listeners).catalogDirectory(c.getDir()).buildReloadable();
        reloadListeners.orderedStream().forEach(engine::addListener);
        if (c.isWatch()) engine.watch(c.getWatchDebounce());
        return engine;
    }

    @Bean
    @ConditionalOnMissingBean(DiscretionEngine.class)
    public DiscretionEngine discretionEngine(DiscretionProperties properties, Settings settings,
                                             ObjectProvider<EvaluationListener> listeners) {
        return builder(properties, settings, listeners).build();
    }

    private static DiscretionEngineBuilder builder(DiscretionProperties properties, Settings settings,
                                                   ObjectProvider<EvaluationListener> listeners) {
        DiscretionEngineBuilder b = DiscretionEngine.builder().settings(settings);
        if (properties.getCatalogs().isClasspath()) b.classpathCatalogs(DiscretionAutoConfiguration.class.getClassLoader());
        listeners.orderedStream().forEach(b::listener);
        return b;
    }

    /** Meters, when the application has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        public DiscretionMetrics discretionMetrics(MeterRegistry registry) {
            return new DiscretionMetrics(registry);
        }
    }

    /** The health indicator, when the application has Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.discretion", name = "enabled", matchIfMissing = true)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "discretionHealthIndicator")
        public DiscretionHealthIndicator discretionHealthIndicator(DiscretionEngine engine) {
            return new DiscretionHealthIndicator(engine);
        }
    }
}
