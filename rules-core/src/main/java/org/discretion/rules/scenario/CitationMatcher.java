package org.discretion.rules.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discretion.rules.api.Citation;

/**
 * Matches an expected citation, written as the catalogs write citations ({@code 行政处罚法 第33条第1款},
 * {@code 会计法(2017) 第42条}, {@code 滑法政办〔2022〕17号 三(七)}, or a list's 文号 and item: {@code
 * 国家税务总局公告2021年第6号 第1项}), against a decision's {@link Citation}. An expectation is as precise as it
 * is written: {@code 第33条} matches any paragraph of article 33, {@code 第33条第2款} only the second paragraph.
 */
final class CitationMatcher {
    private static final Pattern FORM = Pattern.compile("^(\\S+?)(?:[(（]([^)）]+)[)）])?\\s+(\\S.*)$");
    private static final Pattern ARTICLE = Pattern.compile(
            "^第(\\d+)条(?:第(\\d+)款)?(?:第(\\d+)项)?(?:第(\\d+)句)?$");

    /** A parsed expectation; the numbers are {@code null} when not stated or when the locator is not an article. */
    record Expected(String text, String shortTitle, String version, String locator, Integer article,
                    Integer paragraph, Integer item, Integer sentence) {
    }

    private CitationMatcher() {
    }

    /** Parses an expected citation; {@code null} when it is not of the form {@code <title>[(<version>)] <locator>}. */
    static Expected parse(String s) {
        Matcher m = FORM.matcher(s.strip());
        if (!m.matches()) return null;
        String locator = m.group(3).replace(" ", "");
        Matcher a = ARTICLE.matcher(locator);
        if (a.matches()) {
            return new Expected(s, m.group(1), m.group(2), locator, Integer.valueOf(a.group(1)), num(a.group(2)),
                    num(a.group(3)), num(a.group(4)));
        }
        return new Expected(s, m.group(1), m.group(2), locator, null, null, null, null);
    }

    private static Integer num(String g) {
        return g == null ? null : Integer.valueOf(g);
    }

    static boolean matches(Expected e, Citation c) {
        String ref = normalize(c.reference());
        String instrument = normalize(c.instrument());
        String title = normalize(e.shortTitle());
        if (!instrument.contains(title) && !ref.contains(title)) return false;
        if (e.version() != null) {
            String v = normalize(e.version());
            boolean byLabel = c.version() != null && normalize(c.version()).contains(v);
            boolean byYear = c.effectiveFrom() != null && v.equals(String.valueOf(c.effectiveFrom().getYear()));
            if (!byLabel && !byYear) return false;
        }
        if (e.article() != null) {
            return e.article().equals(c.article())
                    && (e.paragraph() == null || e.paragraph().equals(c.paragraph()))
                    && (e.item() == null || e.item().equals(c.item()))
                    && (e.sentence() == null || e.sentence().equals(c.sentence()));
        }
        return ref.contains(normalize(e.locator()));
    }

    private static String normalize(String s) {
        if (s == null) return "";
        return s.replaceAll("[\\s《》]", "").replace('（', '(').replace('）', ')');
    }
}
