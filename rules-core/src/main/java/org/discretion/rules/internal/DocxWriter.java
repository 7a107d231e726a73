package org.discretion.rules.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes a filled decision document (the Markdown of {@link DocumentRenderer}) as a Word document with Apache POI
 * XWPF: {@code #} the agency, {@code ##} the title, {@code ###} a section heading, every other line a paragraph
 * with a first-line indent of two characters, in 仿宋 as official documents are set. Only this class touches POI,
 * which is an optional dependency of rules-core.
 */
final class DocxWriter {
    private static final String FONT = "仿宋";
    private static final String TITLE_FONT = "宋体";

    private DocxWriter() {
    }

    static byte[] write(String markdown) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : markdown.split("\n")) {
                String t = line.strip();
                if (t.isEmpty()) continue;
                XWPFParagraph p = doc.createParagraph();
                if (t.startsWith("### ")) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    run(p, t.substring(4), TITLE_FONT, 16, true);
                } else if (t.startsWith("## ")) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    run(p, t.substring(3), TITLE_FONT, 22, true);
                } else if (t.startsWith("# ")) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    run(p, t.substring(2), TITLE_FONT, 22, true);
                } else if (t.startsWith("- ")) {
                    p.setIndentationFirstLine(640);
                    run(p, "· " + t.substring(2), FONT, 16, false);
                } else {
                    p.setIndentationFirstLine(640);
                    run(p, t, FONT, 16, false);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the .docx document: " + e.getMessage(), e);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, int points, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(points);
        r.setBold(bold);
    }
}
