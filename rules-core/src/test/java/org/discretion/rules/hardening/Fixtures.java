package org.discretion.rules.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discretion.rules.Engines;
import org.discretion.rules.api.DiscretionEngine;

/**
 * The fixture catalog {@code hardening-fixture} (folder fx_lists when written) (one item per list, in the real catalog format) written to
 * a folder as a given version: the version label and the bound of item FX-1's amount change between versions, so
 * two versions decide some cases differently and carry different content hashes.
 */
final class Fixtures {
    private Fixtures() {
    }

    static Path write(Path dir, String version, int amountBound) {
        try {
            Path folder = dir.resolve("fx_lists");
            Files.createDirectories(folder);
            for (String f : new String[] {"catalog.yaml", "rules.drl"}) {
                String text = resource("hardening-fixture/" + f)
                        .replace("VERSION", version).replace("AMOUNT_BOUND", String.valueOf(amountBound));
                Files.writeString(folder.resolve(f), text);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DiscretionEngine engine(Path dir) {
        return DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IOException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
