package org.discretion.rules.internal;

/** Entry to the .docx writer that fails with a clear message when the optional Apache POI is absent. */
public final class DocumentWriters {
    private DocumentWriters() {
    }

    public static byte[] docx(String markdown) {
        try {
            Class.forName("org.apache.poi.xwpf.usermodel.XWPFDocument", false, DocumentWriters.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(".docx decision documents need org.apache.poi:poi-ooxml on the class path "
                    + "(an optional dependency of rules-core); add it, or render Markdown");
        }
        return DocxWriter.write(markdown);
    }
}
