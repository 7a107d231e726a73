package org.discretion.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * Rules compiled at Maven build time (module {@code rules-prebuilt}, kie-maven-plugin, executable model) for the
 * class-path catalogs, used instead of compiling at run time when — and only when — they were compiled from exactly
 * the sources the engine has just read.
 *
 * <p>The build runs {@link #main} over the class path of {@code rules-prebuilt} (rules-core + rules-catalog): it
 * reads the bundles through {@link Sources#fromClasspath(ClassLoader)}, as an engine does, writes their DRL under
 * {@value #ROOT} (a folder of its own, so that a stale prebuilt jar can never shadow a catalog's own files), the
 * {@code META-INF/kmodule.xml} with one KieBase {@value #KBASE}, and {@value #INDEX}: the package and full SHA-256
 * ({@link Sources.Bundle#sha256()}) of every bundle compiled. kie-maven-plugin then compiles that DRL.
 *
 * <p>At run time {@link #lookup} returns that KieBase only if there is exactly one such index on the class path
 * and the engine's bundles are the same packages with the same hashes, no more and no fewer. Anything else — a
 * changed catalog, a directory catalog, no {@code rules-prebuilt} on the class path, a KieBase that does not load —
 * gives {@code null}, and the caller compiles as before.
 */
public final class Prebuilt {
    public static final String INDEX = "META-INF/discretion-prebuilt.index";
    public static final String KBASE = "org.discretion.rules.prebuilt";
    public static final String ROOT = "discretion-prebuilt";

    /**
     * The KieBase loaded from rules-core's own class loader, shared by every engine built from it (immutable;
     * sessions are per case). Kept only for that loader, which lives as long as this class does; a KieBase from
     * another loader is loaded per build, so that no loader is kept alive by this class.
     */
    private static KieBase shared;

    private Prebuilt() {
    }

    /** The KieBase compiled at build time from exactly {@code sources}' bundles, or null. */
    static KieBase lookup(Sources sources, ClassLoader cl) {
        return matches(sources, cl) ? load(cl) : null;
    }

    /** True when {@code cl} holds one prebuilt index and it names exactly these bundles with these hashes. */
    static boolean matches(Sources sources, ClassLoader cl) {
        if (cl == null) return false;
        Map<String, String> index;
        try {
            index = index(cl);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return index != null && index.equals(hashes(sources));
    }

    private static synchronized KieBase load(ClassLoader cl) {
        boolean own = cl == Prebuilt.class.getClassLoader();
        if (own && shared != null) return shared;
        KieBase kb;
        try {
            KieContainer kc = KieServices.get().newKieClasspathContainer(cl);
            kb = kc.getKieBase(KBASE);
        } catch (RuntimeException | LinkageError e) {
            return null; // e.g. drools-xml-support missing: the caller compiles
        }
        if (own) shared = kb;
        return kb;
    }

    /** Package → full SHA-256 of every bundle, in order. */
    static Map<String, String> hashes(Sources sources) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Sources.Bundle b : sources.bundles()) {
            if (m.put(b.packageName(), b.sha256()) != null) {
                m.put(b.packageName(), "duplicate");
            }
        }
        return m;
    }

    /** The one prebuilt index on the class path (package → SHA-256), or null when there is none or more than one. */
    static Map<String, String> index(ClassLoader cl) throws IOException {
        Enumeration<URL> urls = cl.getResources(INDEX);
        if (!urls.hasMoreElements()) return null;
        URL url = urls.nextElement();
        if (urls.hasMoreElements()) return null;
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+");
            if (parts.length == 3 && parts[0].equals("bundle")) {
                m.put(parts[1], parts[2]);
            } else if (!(parts.length == 2 && parts[0].equals("kbase") && parts[1].equals(KBASE))) {
                return null;
            }
        }
        return m;
    }

    /**
     * Build time: writes the DRL of every class-path bundle, the kmodule.xml and the index under {@code args[0]}
     * (the resource folder kie-maven-plugin compiles).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Prebuilt <output folder>");
        }
        Path out = Path.of(args[0]);
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Sources sources = Sources.fromClasspath(cl, true);
        if (sources.bundles().stream().noneMatch(Sources.Bundle::statute)) {
            throw new IllegalStateException("no statute layer on the class path: rules-core must be a dependency");
        }
        // a catalog removed since the last build must not stay behind and be compiled
        Path root = out.resolve(ROOT);
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        // only catalogs in the closed rule language are ever compiled ahead (an engine then skips the check for them)
        List<String> rejected = new ArrayList<>();
        for (Sources.Bundle b : sources.bundles()) {
            if (b.statute()) continue;
            for (Sources.SourceFile f : b.drl()) {
                CatalogRuleValidator.validate(f.origin(), f.text(), b.packageName()).problems()
                        .forEach(pr -> rejected.add(pr.toString()));
            }
        }
        if (!rejected.isEmpty()) {
            throw new IllegalStateException("catalogs outside the rule language are not compiled:\n"
                    + String.join("\n", rejected));
        }
        List<String> index = new ArrayList<>();
        index.add("# Written at build time by " + Prebuilt.class.getName() + "; the rules compiled into KieBase "
                + KBASE + ", one line per bundle: package, SHA-256 of its metadata and DRL (Sources.Bundle.sha256).");
        index.add("kbase " + KBASE);
        for (Sources.Bundle b : sources.bundles()) {
            int n = 0;
            for (Sources.SourceFile f : b.drl()) {
                Path p = out.resolve(ROOT).resolve(b.packageName().replace('.', '/'))
                        .resolve("rules" + (n++ == 0 ? "" : n) + ".drl");
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.text(), StandardCharsets.UTF_8);
            }
            index.add("bundle " + b.packageName() + " " + b.sha256());
        }
        Path kmodule = out.resolve("META-INF/kmodule.xml");
        Files.createDirectories(kmodule.getParent());
        Files.writeString(kmodule, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written at build time by %s -->
                <kmodule xmlns="http://www.drools.org/xsd/kmodule">
                  <kbase name="%s"/>
                </kmodule>
                """.formatted(Prebuilt.class.getName(), KBASE), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(INDEX), String.join("\n", index) + "\n", StandardCharsets.UTF_8);
    }
}
