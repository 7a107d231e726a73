package org.discretion.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.Duty;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;

/**
 * Fills a decision document template ({@code documents/*.md}, editable by a legal officer) from a decision and
 * its case: the 裁量理由 paragraphs of {@link Decision#explanation()}, the case's particulars (a marked blank
 * where one is absent) and the decision's handling. See docs/decision-documents.md.
 */
public final class DocumentRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

    private final Path templates;

    /** @param templates a directory of templates overriding the shipped ones by file name, or {@code null} */
    public DocumentRenderer(Path templates) {
        this.templates = templates;
    }

    /** The template file for a handling. */
    public static String templateOf(Handling h) {
        return switch (h) {
            case NO_PENALTY, MAY_NO_PENALTY -> "no-penalty.md";
            case TIME_BARRED -> "not-filed.md";
            case REFER_CRIMINAL -> "referral.md";
            case INSUFFICIENT_FACTS -> "facts-needed.md";
            default -> "penalty.md";
        };
    }

    public String markdown(Decision d, CaseInput in) {
        Map<String, String> v = values(d, in);
        StringBuilder out = new StringBuilder(fill(load(templateOf(d.handling())), v));
        if (!v.get("另").isEmpty()) {
            out.append('\n').append(fill(load("no-coercion.md"), v));
        }
        return out.toString();
    }

    Map<String, String> values(Decision d, CaseInput in) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("行政机关", in.agency().name() != null ? in.agency().name() : Wording.blank("行政机关名称"));
        v.put("案号", in.caseNumber() != null ? in.caseNumber() : Wording.blank("文书编号"));
        v.put("当事人", party(in.party()));
        for (String k : List.of("经查", "本机关认为", "综上", "另", "同时")) v.put(k, "");
        for (String p : d.explanation().split("\n")) {
            for (String k : List.of("经查", "本机关认为", "综上", "另", "同时")) {
                if (p.startsWith(k + "，") && v.get(k).isEmpty()) {
                    v.put(k, p);
                    break;
                }
            }
        }
        v.put("决定事项", decided(d));
        v.put("需查明", d.missingFacts().stream().map(m -> "- " + Wording.plain(m.label()))
                .distinct().reduce((a, b) -> a + "\n" + b).orElse(""));
        v.put("移送材料", in.evidence().isEmpty() ? Wording.blank("移送材料清单") : String.join("、", in.evidence()));
        LocalDate date = in.decisionDate();
        v.put("日期", date != null ? Wording.sealDate(date) : Wording.blank("年　月　日"));
        return v;
    }

    private static String party(Party p) {
        StringBuilder b = new StringBuilder("当事人：").append(p.name() != null ? p.name() : Wording.blank("当事人姓名或者名称"));
        String idLabel = p.type() == null ? "证件号码" : p.type() == PartyType.INDIVIDUAL ? "身份证件号码" : "统一社会信用代码";
        b.append("\n\n").append(idLabel).append("：").append(p.idNumber() != null ? p.idNumber() : Wording.blank(idLabel));
        if (p.type() == PartyType.INDIVIDUAL && p.birthDate() != null) {
            b.append("\n\n出生日期：").append(Wording.date(p.birthDate()));
        }
        return b.toString();
    }

    /** 本机关决定：… in the words of the handling; amounts the decision does not fix are marked blanks. */
    private static String decided(Decision d) {
        Handling h = d.handling();
        List<String> items = new ArrayList<>();
        switch (h) {
            case NO_PENALTY, MAY_NO_PENALTY -> items.add("对当事人不予行政处罚");
            case TIME_BARRED -> items.add("对当事人的上述违法行为不再给予行政处罚，不予立案（已经立案的，撤销立案）");
            case REFER_CRIMINAL -> items.add("将本案移送" + Wording.blank("司法机关名称") + "依法处理");
            case INSUFFICIENT_FACTS -> {
                return "";
            }
            default -> {
                String range = Wording.fine(d.fineRange(), h);
                if (d.fineRange() != null && d.fineRange().min() == null && d.fineRange().max() == null) {
                    items.add("对当事人处以" + Wording.blank("处罚种类及数额") + (range.isEmpty() ? "" : "（" + range + "）"));
                } else {
                    items.add("对当事人" + (h == Handling.STANDARD ? "" : Wording.handlingWord(h)) + "处以罚款"
                            + Wording.blank("罚款数额") + "元" + (range.isEmpty() ? "" : "（" + range + "）"));
                }
                for (Duty du : d.duties()) {
                    if (du.kind().equals("CONFISCATE_GAINS")) items.add(du.text().replace(" ", ""));
                }
            }
        }
        if (items.size() == 1) return items.get(0) + "。";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            b.append("\n").append(i + 1).append(". ").append(items.get(i)).append(i + 1 < items.size() ? "；" : "。");
        }
        return b.toString();
    }

    private static String fill(String template, Map<String, String> v) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            Matcher whole = PLACEHOLDER.matcher(line.strip());
            if (whole.matches() && v.getOrDefault(whole.group(1), "").isEmpty()) continue;
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String val = v.get(key);
                m.appendReplacement(b, Matcher.quoteReplacement(val != null ? val : Wording.blank(key)));
            }
            m.appendTail(b);
            out.append(b).append('\n');
        }
        // a blank line left twice by an omitted placeholder line
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private String load(String name) {
        try {
            if (templates != null && Files.isRegularFile(templates.resolve(name))) {
                return Files.readString(templates.resolve(name), StandardCharsets.UTF_8);
            }
            try (InputStream s = DocumentRenderer.class.getResourceAsStream("/documents/" + name)) {
                if (s == null) throw new IllegalStateException("decision document template documents/" + name + " is missing");
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision document template " + name + ": " + e.getMessage(), e);
        }
    }

    /** Missing facts are listed for the officer; unused when the decision has none. */
    static List<String> labels(List<MissingFact> missing) {
        return missing.stream().map(m -> Wording.plain(m.label())).distinct().toList();
    }
}
