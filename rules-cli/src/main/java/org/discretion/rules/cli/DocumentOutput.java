package org.discretion.rules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionDocuments;

/**
 * The decision-document output of {@code evaluate}: {@code --format document} prints the draft document of each case
 * as Markdown; {@code --docx DIR} also writes {@code DIR/<case id>.docx}; {@code --templates DIR} takes the
 * templates from DIR ({@code *.md} files of the same names as rules-core's {@code documents/}) where it has them.
 */
final class DocumentOutput {
    private Path docx;
    private Path templates;

    /** Takes an option; returns a problem to report, or {@code null}. */
    String option(String name, Path dir) {
        if (name.equals("--docx")) {
            docx = dir;
        } else {
            if (!Files.isDirectory(dir)) return "--templates " + dir + " is not a directory";
            templates = dir;
        }
        return null;
    }

    boolean writesDocx() {
        return docx != null;
    }

    /**
     * Adds the Markdown document to {@code lines} (when not {@code null}) and writes the .docx when asked; returns a
     * problem to report, or {@code null}.
     */
    String write(CaseInput in, Decision d, List<String> lines) {
        String md = DecisionDocuments.markdown(d, in, templates);
        if (lines != null) lines.add(md);
        if (docx == null) return null;
        Path file = docx.resolve(safe(d.id()) + ".docx");
        try {
            Files.createDirectories(docx);
            Files.write(file, DecisionDocuments.render(d, in, DecisionDocuments.Format.DOCX, templates));
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot write " + file + ": " + e.getMessage();
        }
    }

    /** A case id as a file name: nothing that climbs out of the directory or needs quoting. */
    static String safe(String id) {
        if (id == null || id.isBlank()) return "case";
        String s = id.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
