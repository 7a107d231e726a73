package org.discretion.rules.facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a provision written the way lists and case systems write it — {@code 《税收征收管理法》第六十条第一款第（四）项},
 * {@code 税收征收管理法 第60条第1款第4项}, {@code 会计法(2017) 第43条} — into its parts, so that provisions written
 * differently can be compared.
 */
public final class Provisions {
    private Provisions() {
    }

    /**
     * A parsed provision. {@code law} is the short title without 《》 and without 中华人民共和国.
     */
    public record Ref(String law, String version, int article, Integer paragraph, Integer item, Integer sentence) {
        /** Same law and article, and the same paragraph/item wherever both name one. */
        public boolean covers(Ref other) {
            return law.equals(other.law) && article == other.article
                    && (paragraph == null || other.paragraph == null || paragraph.equals(other.paragraph))
                    && (item == null || other.item == null || item.equals(other.item));
        }

        /** 第三十三条第一款第二句 style, with digits converted to Chinese numerals. */
        public String human() {
            StringBuilder b = new StringBuilder("第").append(chinese(article)).append("条");
            if (paragraph != null) b.append("第").append(chinese(paragraph)).append("款");
            if (item != null) b.append("第（").append(chinese(item)).append("）项");
            if (sentence != null) b.append("第").append(chinese(sentence)).append("句");
            return b.toString();
        }
    }

    private static final Pattern CN_NUM = Pattern.compile("第\\s*[(（]?([零〇一二两三四五六七八九十百千]+)[)）]?\\s*([条款项句])");

    /** Parses a provision, or empty when it is not in a recognised form. */
    public static Optional<Ref> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return new Scan(digits(text.trim())).ref();
    }

    /**
     * The grammar {@code 《? 中华人民共和国? LAW 》? (（VERSION）)? 第N条 (第N款)? (第（N）项)? (第N句)?}, white space
     * allowed between the parts, read left to right in one pass: time linear in the length of the text (a regular
     * expression with that many optional parts backtracked and took minutes on a 2,000-character provision).
     */
    private static final class Scan {
        private final String t;
        private int i;

        Scan(String t) {
            this.t = t;
        }

        Optional<Ref> ref() {
            space();
            take('《');
            space();
            int lawStart = i;
            if (t.startsWith("中华人民共和国", i) && i + 7 < t.length() && lawChar(t.charAt(i + 7))) {
                lawStart = i + 7;
            }
            i = lawStart;
            while (i < t.length() && lawChar(t.charAt(i))) i++;
            if (i == lawStart) return Optional.empty();
            String law = t.substring(lawStart, i);
            space();
            take('》');
            space();
            String version = null;
            if (i < t.length() && (t.charAt(i) == '(' || t.charAt(i) == '（')) {
                int close = i + 1;
                while (close < t.length() && t.charAt(close) != ')' && t.charAt(close) != '）') close++;
                if (close >= t.length()) return Optional.empty();
                version = t.substring(i + 1, close).strip();
                if (version.isEmpty()) return Optional.empty();
                i = close + 1;
                space();
            }
            if (!take('第')) return Optional.empty();
            space();
            String article = digitsHere();
            if (article == null) return Optional.empty();
            space();
            if (!take('条')) return Optional.empty();
            String paragraph = part('款', false);
            String item = part('项', true);
            String sentence = part('句', false);
            space();
            if (i != t.length()) return Optional.empty();
            for (String g : new String[] {article, paragraph, item, sentence}) {
                // at most 6 digits: no instrument has a million articles, and more would overflow an int
                if (g != null && g.length() > 6) return Optional.empty();
            }
            return Optional.of(new Ref(law, version, Integer.parseInt(article), num(paragraph), num(item), num(sentence)));
        }

        /** An optional {@code 第N款} (or 项 with optional brackets, or 句); the cursor stays put when absent. */
        private String part(char unit, boolean brackets) {
            int save = i;
            space();
            if (take('第')) {
                space();
                if (brackets && (take('(') || take('（'))) space();
                String n = digitsHere();
                if (n != null) {
                    space();
                    if (brackets && (take(')') || take('）'))) space();
                    if (take(unit)) return n;
                }
            }
            i = save;
            return null;
        }

        private String digitsHere() {
            int s = i;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
            return i == s ? null : t.substring(s, i);
        }

        private boolean take(char c) {
            if (i < t.length() && t.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void space() {
            while (i < t.length() && isSpace(t.charAt(i))) i++;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static boolean lawChar(char c) {
            return "《》()（）第".indexOf(c) < 0 && !isSpace(c);
        }
    }

    /** Whether two provision texts name the same provision (at the precision both give). */
    public static boolean sameProvision(String a, String b) {
        Optional<Ref> ra = parse(a);
        Optional<Ref> rb = parse(b);
        if (ra.isPresent() && rb.isPresent()) {
            return ra.get().covers(rb.get());
        }
        return a.replaceAll("\\s", "").equals(b.replaceAll("\\s", ""));
    }

    private static Integer num(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    /** Converts 第六十条第一款第（四）项 to 第60条第1款第4项. */
    static String digits(String text) {
        Matcher m = CN_NUM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "第" + parseChinese(m.group(1)) + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int parseChinese(String s) {
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = c == '〇' ? 0 : c == '两' ? 2 : "零一二三四五六七八九".indexOf(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else if (c == '千') {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            }
        }
        return total + current;
    }

    /** 1 → 一, 33 → 三十三, 104 → 一百零四, 1165 → 一千一百六十五 (民法典); digits from 10,000 on. */
    public static String chinese(int n) {
        String d = "零一二三四五六七八九";
        if (n < 0 || n >= 10_000) return String.valueOf(n);
        if (n >= 1000) {
            int r = n % 1000;
            String rest = r == 0 ? "" : r < 100 ? "零" + (r >= 10 && r < 20 ? "一" : "") + chinese(r) : chinese(r);
            return d.charAt(n / 1000) + "千" + rest;
        }
        if (n < 10) return String.valueOf(d.charAt(n));
        if (n < 20) return "十" + (n % 10 == 0 ? "" : d.charAt(n % 10));
        if (n < 100) return d.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
        int h = n / 100;
        int r = n % 100;
        String rest = r == 0 ? "" : r < 10 ? "零" + d.charAt(r) : (r < 20 ? "一" + chinese(r) : chinese(r));
        return d.charAt(h) + "百" + rest;
    }
}
