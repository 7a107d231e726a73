package org.discretion.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.discretion.rules.api.DiscretionException;

/**
 * The text of everything an engine is built from: catalog and statute folders (metadata + DRL) and law registry
 * files, read from the classpath (through {@code META-INF/discretion-rules.index}) or from a directory.
 */
public record Sources(List<Bundle> bundles, List<SourceFile> laws) {

    public static final String INDEX = "META-INF/discretion-rules.index";

    public Sources {
        bundles = List.copyOf(bundles);
        laws = List.copyOf(laws);
    }

    /** A file's display path (as the author knows it) and its text. */
    public record SourceFile(String origin, String text) {
    }

    /**
     * One catalog or statute folder.
     *
     * @param statute true for a statute layer folder (grounds.yaml), false for a catalog (catalog.yaml)
     * @param folder  folder name = DRL package's last segment
     * @param meta    the metadata file
     * @param drl     the rule files
     */
    public record Bundle(boolean statute, String folder, String packageName, SourceFile meta, List<SourceFile> drl) {
        public Bundle {
            drl = List.copyOf(drl);
        }

        /** SHA-256 of the metadata and rule files, as "sha256:" + 16 hex digits. */
        public String contentHash() {
            return "sha256:" + sha256().substring(0, 16);
        }

        /** The full SHA-256 (64 hex digits) that {@link #contentHash()} abbreviates. */
        public String sha256() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(meta.text().getBytes(StandardCharsets.UTF_8));
                for (SourceFile f : drl) {
                    md.update((byte) 0);
                    md.update(f.text().getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Sources plus(Sources other) {
        List<Bundle> b = new ArrayList<>(bundles);
        b.addAll(other.bundles);
        List<SourceFile> l = new ArrayList<>(laws);
        l.addAll(other.laws);
        return new Sources(b, l);
    }

    /** Everything listed in every {@value #INDEX} on the class path. */
    public static Sources fromClasspath(ClassLoader cl) {
        return fromClasspath(cl, true);
    }

    /**
     * What every {@value #INDEX} on the class path lists: statute folders and law files always, catalog folders
     * only when {@code catalogs} is true.
     */
    public static Sources fromClasspath(ClassLoader cl, boolean catalogs) {
        List<Bundle> bundles = new ArrayList<>();
        List<SourceFile> laws = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = cl.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                String text = read(url);
                for (String raw : text.split("\n")) {
                    String line = raw.strip();
                    if (line.isEmpty() || line.startsWith("#")) continue;
                    String[] parts = line.split("\\s+", 2);
                    if (parts.length != 2) {
                        throw new DiscretionException(url + ": bad index line \"" + line + "\" (expected \"catalog <folder>\", \"statute <folder>\" or \"law <file>\")");
                    }
                    String kind = parts[0];
                    String path = parts[1];
                    if (!seen.add(kind + " " + path)) continue;
                    if (kind.equals("catalog") && !catalogs) continue;
                    switch (kind) {
                        case "law" -> laws.add(new SourceFile(path, resource(cl, path)));
                        case "catalog", "statute" -> {
                            boolean statute = kind.equals("statute");
                            String folder = path.substring(path.lastIndexOf('/') + 1);
                            String meta = path + (statute ? "/grounds.yaml" : "/catalog.yaml");
                            String drl = path + "/rules.drl";
                            bundles.add(new Bundle(statute, folder, path.replace('/', '.'),
                                    new SourceFile(meta, resource(cl, meta)),
                                    List.of(new SourceFile(drl, resource(cl, drl)))));
                        }
                        default -> throw new DiscretionException(url + ": unknown index entry kind \"" + kind + "\"");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sources(bundles, laws);
    }

    /**
     * The catalogs of {@code dir}, which is either a folder of catalogs (every sub-folder holding a
     * {@code catalog.yaml}, with all its {@code *.drl}, and every {@code dir/law/*.yaml}) or one catalog folder itself
     * (holding {@code catalog.yaml}; then {@code dir/law/*.yaml} and {@code dir/../law/*.yaml} are its law files). The DRL package of a directory
     * catalog is {@code catalogs.<folder>}.
     *
     * @throws DiscretionException when {@code dir} is not a folder, holds neither a catalog nor a law file (so that
     *         "0 items checked" never looks like success), or holds a statute layer ({@code grounds.yaml}): the
     *         statute layer comes only from rules-core, and catalogs cannot declare statutory grounds
     */
    public static Sources fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DiscretionException("catalog directory " + dir + " does not exist or is not a directory");
        }
        List<Bundle> bundles = new ArrayList<>();
        List<SourceFile> laws = new ArrayList<>();
        try {
            if (Files.exists(dir.resolve("catalog.yaml"))) {
                Path name = dir.toAbsolutePath().normalize().getFileName();
                bundles.add(bundle(dir, name == null ? dir.toString() : name.toString()));
                // its own law files, and those of the folder of catalogs it sits in (the usual layout)
                readLaws(dir.resolve("law"), laws);
                Path parent = dir.toAbsolutePath().normalize().getParent();
                if (parent != null) readLaws(parent.resolve("law"), laws);
                return new Sources(bundles, laws);
            }
            try (Stream<Path> children = Files.list(dir)) {
                for (Path sub : children.sorted().toList()) {
                    if (!Files.isDirectory(sub)) continue;
                    String folder = sub.getFileName().toString();
                    if (folder.equals("law")) {
                        readLaws(sub, laws);
                        continue;
                    }
                    if (Files.exists(sub.resolve("catalog.yaml"))) {
                        bundles.add(bundle(sub, folder));
                    } else if (Files.exists(sub.resolve("grounds.yaml"))) {
                        throw new DiscretionException(sub.resolve("grounds.yaml") + ": a catalog directory cannot hold a "
                                + "statute layer (grounds.yaml); statutory grounds come only from rules-core. A catalog "
                                + "folder holds catalog.yaml and its .drl files");
                    } else if (hasRuleFiles(sub)) {
                        throw new DiscretionException(sub + ": the folder has rule files (.drl) but no catalog.yaml; "
                                + "restore catalog.yaml, or remove the folder to remove the catalog");
                    }
                }
            }
        } catch (IOException e) {
            throw new DiscretionException("cannot read catalog directory " + dir + ": " + e.getMessage(), e);
        }
        if (bundles.isEmpty() && laws.isEmpty()) {
            throw new DiscretionException("no catalog in " + dir + ": give a catalog folder (holding catalog.yaml and "
                    + "rules.drl) or a folder of such catalog folders (and law/*.yaml)");
        }
        return new Sources(bundles, laws);
    }

    private static Bundle bundle(Path folderPath, String folder) throws IOException {
        Path meta = folderPath.resolve("catalog.yaml");
        List<SourceFile> drl = new ArrayList<>();
        try (Stream<Path> files = Files.list(folderPath)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                drl.add(new SourceFile(f.toString(), Files.readString(f)));
            }
        }
        return new Bundle(false, folder, "catalogs." + folder, new SourceFile(meta.toString(), Files.readString(meta)), drl);
    }

    private static boolean hasRuleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.toString().endsWith(".drl"));
        }
    }

    private static void readLaws(Path lawDir, List<SourceFile> laws) throws IOException {
        if (!Files.isDirectory(lawDir)) return;
        try (Stream<Path> lawFiles = Files.list(lawDir)) {
            for (Path f : lawFiles.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                laws.add(new SourceFile(f.toString(), Files.readString(f)));
            }
        }
    }

    private static String resource(ClassLoader cl, String path) throws IOException {
        URL url = cl.getResource(path);
        if (url == null) {
            throw new DiscretionException("resource " + path + " is listed in " + INDEX + " but not on the class path");
        }
        return read(url);
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
