package org.discretion.rules.spring;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code discretion.*} settings of {@code application.yml}. Everything has a default: with none given, the
 * engine serves the catalogs on the class path (add {@code rules-prebuilt}) with {@link
 * org.discretion.rules.api.Settings#defaults()}.
 *
 * <pre>{@code
 * discretion:
 *   catalogs:
 *     dir: /srv/discretion/catalogs   # the agency's own catalog folders; the engine then reloads on changes
 *   settings:
 *     first-offense-look-back: P2Y
 * }</pre>
 */
@ConfigurationProperties(prefix = "discretion")
public class DiscretionProperties {
    private final Catalogs catalogs = new Catalogs();
    private final Settings settings = new Settings();

    public Catalogs getCatalogs() {
        return catalogs;
    }

    public Settings getSettings() {
        return settings;
    }

    /** Where the engine reads its catalogs. */
    public static class Catalogs {
        /** Load every catalog listed in META-INF/discretion-rules.index on the class path (the shipped ones). */
        private boolean classpath = true;
        /**
         * A folder of catalog folders (each with a catalog.yaml) and law/*.yaml. When set, the engine is a
         * ReloadableEngine: a broken folder never replaces the working catalogs.
         */
        private Path dir;
        /** With a catalog folder: reload when its files change. */
        private boolean watch = true;
        /** With watch: reload once no change has been seen for this long. */
        private Duration watchDebounce = Duration.ofMillis(500);

        public boolean isClasspath() {
            return classpath;
        }

        public void setClasspath(boolean classpath) {
            this.classpath = classpath;
        }

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public boolean isWatch() {
            return watch;
        }

        public void setWatch(boolean watch) {
            this.watch = watch;
        }

        public Duration getWatchDebounce() {
            return watchDebounce;
        }

        public void setWatchDebounce(Duration watchDebounce) {
            this.watchDebounce = watchDebounce;
        }
    }

    /**
     * Engine-wide defaults for what the law leaves open (org.discretion.rules.api.Settings); unset = the engine's
     * default. A catalog may override each for its own items.
     */
    public static class Settings {
        /** Window for 初次违法 when a case gives priorViolations; unset = any earlier violation counts. */
        private Period firstOffenseLookBack;
        /** 从轻 = the lower share of the statutory range, in (0, 1]; the often-quoted 0.3 is unverified. */
        private BigDecimal lenientShare;
        /** Whether lenient-share rests on a verified source (decisions warn when it does not). */
        private boolean lenientShareVerified;
        /** Apply 滑法政办〔2022〕17号 三(七) to all lists; unset = the engine's default (on). */
        private Boolean huaxianExclusion;

        public Period getFirstOffenseLookBack() {
            return firstOffenseLookBack;
        }

        public void setFirstOffenseLookBack(Period firstOffenseLookBack) {
            this.firstOffenseLookBack = firstOffenseLookBack;
        }

        public BigDecimal getLenientShare() {
            return lenientShare;
        }

        public void setLenientShare(BigDecimal lenientShare) {
            this.lenientShare = lenientShare;
        }

        public boolean isLenientShareVerified() {
            return lenientShareVerified;
        }

        public void setLenientShareVerified(boolean lenientShareVerified) {
            this.lenientShareVerified = lenientShareVerified;
        }

        public Boolean getHuaxianExclusion() {
            return huaxianExclusion;
        }

        public void setHuaxianExclusion(Boolean huaxianExclusion) {
            this.huaxianExclusion = huaxianExclusion;
        }

        /** These settings applied to the engine's defaults. */
        org.discretion.rules.api.Settings toSettings() {
            org.discretion.rules.api.Settings s = org.discretion.rules.api.Settings.defaults();
            if (firstOffenseLookBack != null) s = s.withFirstOffenseLookBack(firstOffenseLookBack);
            if (lenientShare != null) s = s.withLenientShare(lenientShare, lenientShareVerified);
            if (huaxianExclusion != null) s = s.withHuaxianExclusion(huaxianExclusion);
            return s;
        }
    }
}
