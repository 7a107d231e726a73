package org.discretion.rules.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.discretion.rules.internal.DocumentRenderer;
import org.discretion.rules.internal.DocumentWriters;

/**
 * Drafts of the decision document for a decision: 不予行政处罚决定书, 行政处罚决定书 (从轻 / 减轻 / 从重 / 一般),
 * 不予立案（撤销立案）审批表 for a time bar, 涉嫌犯罪案件移送书, 案件补充调查意见 when facts are missing, and the
 * 不采取行政强制措施 note. The text comes from template files ({@code documents/*.md} in rules-core, or a directory
 * that overrides them by file name) filled from the decision's 裁量理由 and the case's particulars; a particular the
 * case does not give (party name, 案号, agency, evidence, date) is a marked blank such as 【当事人姓名或者名称】,
 * never invented. See {@code docs/decision-documents.md}.
 */
public final class DecisionDocuments {
    /** Output format of a document. */
    public enum Format {
        /** Markdown text (UTF-8). */
        MARKDOWN,
        /** A Word document (.docx); needs {@code org.apache.poi:poi-ooxml} on the class path. */
        DOCX
    }

    private DecisionDocuments() {
    }

    /** The title of the document a decision calls for, e.g. 不予行政处罚决定书. */
    public static String title(Decision decision) {
        return switch (decision.handling()) {
            case NO_PENALTY, MAY_NO_PENALTY -> "不予行政处罚决定书";
            case TIME_BARRED -> "不予立案（撤销立案）审批表";
            case REFER_CRIMINAL -> "涉嫌犯罪案件移送书";
            case INSUFFICIENT_FACTS -> "案件补充调查意见";
            default -> "行政处罚决定书";
        };
    }

    /** The draft document as Markdown, from the shipped templates. */
    public static String markdown(Decision decision, CaseInput caseInput) {
        return markdown(decision, caseInput, null);
    }

    /**
     * The draft document as Markdown.
     *
     * @param templates a directory whose {@code *.md} files replace the shipped templates of the same name, or
     *                  {@code null} for the shipped ones
     */
    public static String markdown(Decision decision, CaseInput caseInput, Path templates) {
        check(decision, caseInput);
        return new DocumentRenderer(templates).markdown(decision, caseInput);
    }

    /**
     * The draft document in the given format, as bytes (UTF-8 for Markdown).
     *
     * @throws IllegalStateException for {@link Format#DOCX} when Apache POI is not on the class path
     */
    public static byte[] render(Decision decision, CaseInput caseInput, Format format) {
        return render(decision, caseInput, format, null);
    }

    /** As {@link #render(Decision, CaseInput, Format)}, with templates overridden from a directory. */
    public static byte[] render(Decision decision, CaseInput caseInput, Format format, Path templates) {
        String md = markdown(decision, caseInput, templates);
        return format == Format.DOCX ? DocumentWriters.docx(md) : md.getBytes(StandardCharsets.UTF_8);
    }

    private static void check(Decision decision, CaseInput caseInput) {
        if (decision == null || caseInput == null) {
            throw new IllegalArgumentException("a decision document needs both the decision and its case");
        }
        if (caseInput.id() != null && decision.id() != null && !caseInput.id().equals(decision.id())) {
            throw new IllegalArgumentException("case " + caseInput.id() + ": the decision is for case " + decision.id()
                    + ", not this one");
        }
    }
}
