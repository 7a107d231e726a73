package org.discretion.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.discretion.rules.api.Citation;
import org.discretion.rules.facts.Provisions;
import org.discretion.rules.internal.model.LawFile;

/**
 * Instruments with dated versions and the text of their provisions. Resolves a citation such as
 * {@code 行政处罚法 第33条第1款第2句} or {@code 会计法(2017) 第43条} at a date into a {@link Citation} that quotes the text.
 * Immutable.
 */
public final class LawRegistry {

    /** One version of an instrument. */
    public record Version(String instrument, String shortTitle, String label, LocalDate from, LocalDate to,
                          String fidelity, String source, Map<String, LawFile.Provision> provisions,
                          LawFile.Limitation limitation) {
        boolean inForce(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    /** A citation split into instrument, optional version and locator key ("33.1", "三(七)"). */
    public record Ref(String shortTitle, String version, String key, Integer article, Integer paragraph, Integer item,
                      Integer sentence, String locator) {
    }

    private final Map<String, List<Version>> versions;
    /** Parsed citations: every reference comes from metadata, so the cache is bounded by the catalogs. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<Ref>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Resolved quotations, per registry (so per rule base: a reload starts empty). Every decision quotes the same
     * few dozen provisions; splitting sentences and following renumberings on each evaluation showed in the profile
     * of the API (docs/performance.md). The bound only guards against callers passing arbitrary strings.
     */
    private final java.util.concurrent.ConcurrentHashMap<CiteKey, Optional<Citation>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;
    private static final java.util.regex.Pattern AFTER_STOP = java.util.regex.Pattern.compile("(?<=。)");

    /**
     * Texts written from a resolved citation (the explanation's "《行政处罚法》第三十三条第一款" with or without the quoted
     * text), per citation instance: {@link #resolve} returns one instance per citation, role and version, so the
     * instance identifies the text. Every full decision writes the same few dozen (issue 12, hot path).
     */
    public String rendered(Citation c, int form, java.util.function.Function<Citation, String> render) {
        if (rendered.size() >= CACHE_LIMIT) return render.apply(c);
        return rendered.computeIfAbsent(new RenderKey(c, form), k -> render.apply(c));
    }

    private final java.util.concurrent.ConcurrentHashMap<RenderKey, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();

    private record RenderKey(Citation citation, int form) {
        @Override public boolean equals(Object o) {
            return o instanceof RenderKey k && k.citation == citation && k.form == form;
        }

        @Override public int hashCode() {
            return System.identityHashCode(citation) * 31 + form;
        }
    }

    /** A quotation depends only on the citation, the role and the version chosen for the date (by identity). */
    private record CiteKey(String ref, String role, Version version) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CiteKey k && k.version == version && k.ref.equals(ref) && java.util.Objects.equals(k.role, role);
        }

        @Override
        public int hashCode() {
            return (ref.hashCode() * 31 + java.util.Objects.hashCode(role)) * 31 + System.identityHashCode(version);
        }
    }

    private LawRegistry(Map<String, List<Version>> versions) {
        this.versions = versions;
    }

    private Optional<Ref> cachedParse(String ref) {
        return ref == null ? Optional.empty() : parsed.computeIfAbsent(ref, LawRegistry::parse);
    }

    /**
     * Builds the registry from parsed files; versions of the same short title are sorted by date. Files that declare
     * the same version of an instrument (an agency folder repeating the provisions it cites, or supplying a text the
     * shipped registry has not obtained) add to one version instead of replacing it: the provisions are combined,
     * each keeping its own file's fidelity, and a date or limitation one file leaves open is taken from the other.
     * Contradictions between them are build errors before this ({@link LawTextGuard}).
     */
    public static LawRegistry of(List<LawFile> files) {
        Map<String, Map<String, Version>> byLabel = new TreeMap<>();
        for (LawFile f : files) {
            for (LawFile.LawVersion v : f.versions()) {
                String fidelity = v.fidelity() == null ? "UNVERIFIED" : v.fidelity();
                Map<String, LawFile.Provision> provisions = new LinkedHashMap<>();
                v.provisions().forEach((k, node) -> provisions.put(k, provision(node)));
                Version added = new Version(f.instrument(), f.shortTitle(), v.version(), v.effectiveFrom(), v.effectiveTo(),
                        fidelity, v.source(), Map.copyOf(provisions), v.limitation());
                byLabel.computeIfAbsent(f.shortTitle(), k -> new LinkedHashMap<>()).merge(v.version(), added, LawRegistry::merged);
            }
        }
        Map<String, List<Version>> map = new TreeMap<>();
        byLabel.forEach((title, vs) -> {
            List<Version> l = new ArrayList<>(vs.values());
            l.sort(Comparator.comparing(Version::from, Comparator.nullsFirst(Comparator.naturalOrder())));
            map.put(title, l);
        });
        return new LawRegistry(map);
    }

    /** One version declared by two files: see {@link #of}. */
    private static Version merged(Version a, Version b) {
        Map<String, LawFile.Provision> provisions = new LinkedHashMap<>(a.provisions());
        b.provisions().forEach((k, p) -> {
            // a provision from b keeps b's fidelity where it states none of its own
            LawFile.Provision fromB = p.fidelity() != null || b.fidelity().equals(a.fidelity()) ? p
                    : new LawFile.Provision(p.text(), b.fidelity(), p.note(), p.fine(), p.formerly(), p.kinds());
            provisions.merge(k, fromB, LawRegistry::mergedProvision);
        });
        return new Version(a.instrument(), a.shortTitle(), a.label(), a.from() != null ? a.from() : b.from(),
                a.to() != null ? a.to() : b.to(), a.fidelity(), a.source() != null ? a.source() : b.source(),
                Map.copyOf(provisions), a.limitation() != null ? a.limitation() : b.limitation());
    }

    /** The obtained text where one file has it and the other marks it not obtained; what either states, kept. */
    private static LawFile.Provision mergedProvision(LawFile.Provision a, LawFile.Provision b) {
        boolean takeB = notObtained(a.text()) && !notObtained(b.text());
        LawFile.Provision t = takeB ? b : a;
        LawFile.Provision o = takeB ? a : b;
        return new LawFile.Provision(t.text(), t.fidelity(), t.note() != null ? t.note() : o.note(),
                t.fine() != null ? t.fine() : o.fine(), t.formerly() != null ? t.formerly() : o.formerly(),
                !t.kinds().isEmpty() ? t.kinds() : o.kinds());
    }

    private static boolean notObtained(String text) {
        return text == null || text.strip().startsWith(LawTextGuard.NOT_OBTAINED);
    }

    private static LawFile.Provision provision(JsonNode node) {
        if (node.isTextual()) {
            return new LawFile.Provision(node.asText(), null, null, null, null);
        }
        return Yaml.YAML.convertValue(node, LawFile.Provision.class);
    }

    /** Parses a citation string; empty when it is not of the form {@code <short>[(<version>)] <locator>}. */
    public static Optional<Ref> parse(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Optional<Provisions.Ref> p = Provisions.parse(ref);
        if (p.isPresent()) {
            Provisions.Ref r = p.get();
            // 第N条第M项 without 款: an item of an article's only paragraph (problem() rejects it when there are more)
            Integer paragraph = r.paragraph() == null && r.item() != null ? Integer.valueOf(1) : r.paragraph();
            String key = r.article() + (paragraph == null ? "" : "." + paragraph)
                    + (paragraph != null && r.item() != null ? "." + r.item() : "");
            return Optional.of(new Ref(r.law(), r.version(), key, r.article(), paragraph, r.item(), r.sentence(),
                    r.human()));
        }
        String t = ref.trim();
        int sp = t.lastIndexOf(' ');
        if (sp <= 0) {
            return Optional.empty();
        }
        String head = t.substring(0, sp).trim();
        String locator = t.substring(sp + 1).trim();
        String version = null;
        int open = head.indexOf('(');
        if (open > 0 && head.endsWith(")")) {
            version = head.substring(open + 1, head.length() - 1);
            head = head.substring(0, open);
        }
        return Optional.of(new Ref(head.replace("《", "").replace("》", ""), version, locator, null, null, null, null,
                locator));
    }

    /** All versions of an instrument, oldest first. */
    public List<Version> versions(String shortTitle) {
        return versions.getOrDefault(shortTitle, List.of());
    }

    public java.util.Set<String> instruments() {
        return versions.keySet();
    }

    /**
     * Why the citation does not resolve in any version, or {@code null} when it resolves in at least one.
     */
    public String problem(String ref) {
        Optional<Ref> parsed = parse(ref);
        if (parsed.isEmpty()) {
            return "citation \"" + ref + "\" is not of the form \"<简称>[(<版本>)] 第N条[第N款][第N项][第N句]\"";
        }
        Ref r = parsed.get();
        List<Version> vs = versions(r.shortTitle());
        if (vs.isEmpty()) {
            return "citation \"" + ref + "\": instrument \"" + r.shortTitle() + "\" is not in the law registry"
                    + " (known: " + String.join(", ", versions.keySet()) + ")";
        }
        List<Version> candidates = r.version() == null ? vs
                : vs.stream().filter(v -> v.label().contains(r.version())).toList();
        if (candidates.isEmpty()) {
            return "citation \"" + ref + "\": no version of " + r.shortTitle() + " is labelled \"" + r.version() + "\"";
        }
        String itemProblem = itemWithoutParagraph(ref, r, candidates);
        if (itemProblem != null) {
            return itemProblem;
        }
        for (Version v : candidates) {
            if (text(v, r) != null) {
                return null;
            }
        }
        return "citation \"" + ref + "\": " + r.shortTitle() + " has no text for " + r.locator()
                + " (key \"" + r.key() + "\") in the law registry";
    }

    /**
     * A citation "第N条第M项" (no 款) is read as item M of the article's only paragraph. It is an error when a version
     * records a second paragraph of the article (which paragraph is meant?), or when neither the item's own text nor
     * an item (M) in the paragraph's text is recorded (the quotation would be some other text).
     */
    private static String itemWithoutParagraph(String ref, Ref r, List<Version> candidates) {
        Optional<Provisions.Ref> raw = Provisions.parse(ref);
        if (raw.isEmpty() || raw.get().paragraph() != null || raw.get().item() == null) return null;
        int a = r.article();
        for (Version v : candidates) {
            for (String k : v.provisions().keySet()) {
                if (k.equals(a + ".2") || k.startsWith(a + ".2.")) {
                    return "citation \"" + ref + "\": 第" + a + "条 of " + r.shortTitle() + "（" + v.label() + "） has more "
                            + "than one paragraph; cite the paragraph: 第" + a + "条第K款第" + r.item() + "项";
                }
            }
        }
        String marker = "（" + numeral(r.item()) + "）";
        for (Version v : candidates) {
            if (v.provisions().containsKey(r.key())) return null;
            LawFile.Provision enclosing = v.provisions().getOrDefault(a + ".1", v.provisions().get(String.valueOf(a)));
            if (enclosing != null && enclosing.text() != null && enclosing.text().contains(marker)) return null;
        }
        return "citation \"" + ref + "\": " + r.shortTitle() + " has no text for item " + r.item() + " of 第" + a
                + "条 (key \"" + r.key() + "\", nor " + marker + " in the article's text) in the law registry";
    }

    private static String numeral(int n) {
        String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) return d[n];
        if (n == 10) return "十";
        if (n < 20) return "十" + d[n - 10];
        return d[n / 10] + "十" + d[n % 10];
    }

    /** The version of the cited instrument at the date (or the named version), or empty. */
    public Optional<Version> version(Ref r, LocalDate asOf) {
        return Optional.ofNullable(versionOrNull(r, asOf));
    }

    /** {@link #version} without the Optional, on the evaluation path: the first labelled, else the last in force. */
    private Version versionOrNull(Ref r, LocalDate asOf) {
        List<Version> vs = versions(r.shortTitle());
        if (r.version() != null) {
            for (Version v : vs) {
                if (v.label().contains(r.version())) return v;
            }
            return null;
        }
        if (asOf != null) {
            for (int i = vs.size() - 1; i >= 0; i--) {
                if (vs.get(i).inForce(asOf)) return vs.get(i);
            }
        }
        return vs.isEmpty() ? null : vs.get(vs.size() - 1);
    }

    /**
     * Whether the cited instrument is read in the same version at both dates: {@code versionLabel(ref, a)
     * .equals(versionLabel(ref, b))} without building the labels.
     */
    public boolean sameVersion(String ref, LocalDate a, LocalDate b) {
        Optional<Ref> p = cachedParse(ref);
        if (p.isEmpty()) return true;
        Version va = versionOrNull(p.get(), a);
        Version vb = versionOrNull(p.get(), b);
        if (va == vb) return true;
        if (va == null || vb == null) return false;
        return va.shortTitle().equals(vb.shortTitle()) && va.label().equals(vb.label());
    }

    /** Resolves a citation at a date into a quoted citation. */
    public Optional<Citation> resolve(String ref, String role, LocalDate asOf) {
        Optional<Ref> parsed = cachedParse(ref);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Ref r = parsed.get();
        Version v = versionOrNull(r, asOf);
        if (v == null) {
            return Optional.empty();
        }
        CiteKey key = new CiteKey(ref, role, v);
        Optional<Citation> hit = resolved.get(key);
        if (hit == null) {
            hit = quote(r, role, v);
            if (resolved.size() < CACHE_LIMIT) resolved.put(key, hit);
        }
        return hit;
    }

    /** The quotation of a parsed citation in one version: depends on nothing else, so it is cached. */
    private static Optional<Citation> quote(Ref r, String role, Version v) {
        LawFile.Provision p = text(v, r);
        if (p == null) {
            // the cited version lacks the text: quote the nearest version that has it (still mark the version cited)
            return Optional.empty();
        }
        String text = p.text();
        if (r.sentence() != null) {
            String[] sentences = AFTER_STOP.split(text);
            if (r.sentence() <= sentences.length) {
                text = sentences[r.sentence() - 1];
            }
        }
        String fidelity = p.fidelity() != null ? p.fidelity() : v.fidelity();
        String locator = r.locator();
        Integer article = r.article();
        Integer paragraph = r.paragraph();
        Integer item = r.item();
        String succ = r.article() != null && !v.provisions().containsKey(r.key()) ? successorKey(v, r.key()) : null;
        if (succ != null) {
            Optional<Ref> moved = parse(v.shortTitle() + " 第" + succ.replaceFirst("^(\\d+)\\.(\\d+)\\.(\\d+)$", "$1条第$2款第$3项")
                    .replaceFirst("^(\\d+)\\.(\\d+)$", "$1条第$2款").replaceFirst("^(\\d+)$", "$1条"));
            if (moved.isPresent()) {
                locator = moved.get().locator() + "（原" + r.locator() + "）";
                article = moved.get().article();
                paragraph = moved.get().paragraph();
                item = moved.get().item();
            }
        }
        String reference = "《" + v.instrument() + "》（" + v.label() + "）" + locator;
        return Optional.of(new Citation(role, v.instrument(), v.label(), v.from(), article, paragraph,
                item, r.sentence(), text, fidelity, reference));
    }

    // ---- 行政处罚法 第36条: limitation periods ----------------------------------------------------------------------

    /**
     * A limitation period in force at a date, with the citations that set it (e.g. {@code 行政处罚法(2017年修正)
     * 第29条第1款}).
     */
    public record Period(LawFile.Limitation limitation, Version version, List<String> citations,
                         java.time.Period period, java.time.Period extendedPeriod) {
        Period(LawFile.Limitation limitation, Version version, List<String> citations) {
            this(limitation, version, citations, java.time.Period.parse(limitation.period()),
                    limitation.extended() == null ? null : java.time.Period.parse(limitation.extended().period()));
        }
    }

    /**
     * The general period (the instrument whose limitation is {@code general}: 行政处罚法) in the version in force at
     * the date — the 2017 text (第29条, two years) for an act before 2021-07-15, the 2021 text (第36条, two years,
     * five with the extension) after — or empty when the registry holds none.
     */
    public Optional<Period> generalLimitation(LocalDate d) {
        for (Map.Entry<String, List<Version>> e : versions.entrySet()) {
            Version v = limitationVersion(e.getValue(), d);
            if (v != null && v.limitation().isGeneral()) return Optional.of(period(v));
        }
        return Optional.empty();
    }

    /**
     * The special period (行政处罚法 第36条第1款 "法律另有规定的除外") that the instrument cited by {@code ref} sets at the
     * date, e.g. 税收征收管理法 第86条 for any citation of 税收征收管理法; empty when it sets none.
     */
    public Optional<Period> specialLimitation(String ref, LocalDate d) {
        Optional<Ref> p = cachedParse(ref);
        if (p.isEmpty()) return Optional.empty();
        Version v = limitationVersion(versions(p.get().shortTitle()), d);
        return v == null || v.limitation().isGeneral() ? Optional.empty() : Optional.of(period(v));
    }

    /** The version in force at the date that has a limitation; before the first version, the first (oldest) one. */
    private static Version limitationVersion(List<Version> vs, LocalDate d) {
        Version inForce = null;
        for (Version v : vs) {
            if (d == null || v.inForce(d)) inForce = v;
        }
        if (inForce == null && !vs.isEmpty() && d != null && vs.get(0).from() != null && d.isBefore(vs.get(0).from())) {
            inForce = vs.get(0);
        }
        return inForce != null && inForce.limitation() != null ? inForce : null;
    }

    /** The citations that set a version's limitation period. */
    public List<String> limitationCitations(Version v) {
        return v.limitation() == null ? List.of() : period(v).citations();
    }

    /** Each version's period, built once: every evaluation asks for it (issue 12: it was 12 % of a screening). */
    private final Map<Version, Period> periods = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private Period period(Version v) {
        Period p = periods.get(v);
        if (p == null) {
            p = newPeriod(v);
            periods.put(v, p);
        }
        return p;
    }

    private static Period newPeriod(Version v) {
        // a key of this version ("36.1"), or a full citation of the law that sets the period for this instrument
        // (发票管理办法 → "税收征收管理法 第86条")
        List<String> refs = v.limitation().basis().stream().map(k -> k.contains(" ") ? k : v.shortTitle() + "(" + v.label() + ") 第"
                + k.replaceFirst("^(\\d+)\\.(\\d+)$", "$1条第$2款").replaceFirst("^(\\d+)$", "$1条")).toList();
        return new Period(v.limitation(), v, refs);
    }


    /**
     * The fine clause for a party (单位 / 个人) at a date: the fine recorded at the cited provision or, failing that, at
     * the nearest enclosing one (第60条第1款第2项 → 第60条第1款 → 第60条); where a level names another clause for the
     * party ({@link LawFile.Fine#forParty}), that clause's fine. {@code party} null: the fine as recorded.
     *
     * @return the citation of the clause chosen (as a registry reference) and its fine, or empty
     */
    public Optional<Map.Entry<String, LawFile.Fine>> fineFor(String ref, String party, LocalDate asOf) {
        Optional<Ref> parsedRef = cachedParse(ref);
        if (parsedRef.isEmpty() || parsedRef.get().article() == null) return Optional.empty();
        Ref r = parsedRef.get();
        Version v = versionOrNull(r, asOf);
        if (v == null) return Optional.empty();
        // the answer depends on the citation, the party and the version only: built once (issue 12, hot path)
        if (fines.size() >= CACHE_LIMIT) return fineIn(r, party, v);
        return fines.computeIfAbsent(new FineKey(ref, party, v), k -> fineIn(r, party, v));
    }

    private record FineKey(String ref, String party, Version version) {
        @Override public boolean equals(Object o) {
            return o instanceof FineKey k && k.version == version && k.ref.equals(ref) && java.util.Objects.equals(k.party, party);
        }

        @Override public int hashCode() {
            return 31 * (31 * ref.hashCode() + java.util.Objects.hashCode(party)) + System.identityHashCode(version);
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<FineKey, Optional<Map.Entry<String, LawFile.Fine>>> fines =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The cited provision's key and those of its enclosing paragraph and article ("60.1.2", "60.1", "60"). */
    private static List<String> enclosing(Ref r) {
        List<String> keys = new ArrayList<>(3);
        keys.add(r.key());
        if (r.item() != null) keys.add(r.article() + "." + r.paragraph());
        if (r.paragraph() != null) keys.add(String.valueOf(r.article()));
        return keys;
    }

    private Optional<Map.Entry<String, LawFile.Fine>> fineIn(Ref r, String party, Version v) {
        String prefix = v.shortTitle() + (r.version() == null ? "" : "(" + r.version() + ")") + " ";
        for (String cited : enclosing(r)) {
            // a renumbered provision is followed to its successor (会计法 2017 第43条 → 2024 第41条)
            String key = v.provisions().containsKey(cited) || successorKey(v, cited) == null ? cited : successorKey(v, cited);
            LawFile.Provision p = v.provisions().get(key);
            if (p == null || p.fine() == null) continue;
            String other = party == null ? null : p.fine().forParty().get(party);
            if (other != null) {
                LawFile.Provision o = v.provisions().get(other);
                if (o != null && o.fine() != null) return Optional.of(Map.entry(prefix + human(other), o.fine()));
            }
            if (p.fine().statesAmount()) return Optional.of(Map.entry(prefix + human(key), p.fine()));
        }
        return Optional.empty();
    }

    /**
     * The kinds of penalty (行政处罚法 第九条 names) the penalty provision {@code ref} allows at the date, for the party
     * (单位 / 个人, or null) where the law punishes them in different clauses; the provision (or its enclosing
     * paragraph or article) that states the kinds or a fine decides. Empty when the registry does not state them.
     */
    public Optional<Map.Entry<String, List<String>>> kindsFor(String ref, String party, LocalDate asOf) {
        Optional<Ref> parsedRef = cachedParse(ref);
        if (parsedRef.isEmpty() || parsedRef.get().article() == null) return Optional.empty();
        Ref r = parsedRef.get();
        Version v = versionOrNull(r, asOf);
        if (v == null) return Optional.empty();
        String prefix = v.shortTitle() + (r.version() == null ? "" : "(" + r.version() + ")") + " ";
        for (String cited : enclosing(r)) {
            String key = v.provisions().containsKey(cited) || successorKey(v, cited) == null ? cited : successorKey(v, cited);
            LawFile.Provision p = v.provisions().get(key);
            if (p == null) continue;
            String other = party == null || p.fine() == null ? null : p.fine().forParty().get(party);
            if (other != null) {
                LawFile.Provision o = v.provisions().get(other);
                if (o != null) {
                    return o.kinds().isEmpty() ? Optional.empty() : Optional.of(Map.entry(prefix + human(other), o.kinds()));
                }
            }
            if (!p.kinds().isEmpty()) return Optional.of(Map.entry(prefix + human(key), p.kinds()));
            if (p.fine() != null && p.fine().statesAmount()) return Optional.empty(); // the penalty clause, without kinds
        }
        return Optional.empty();
    }

    /** "60.1.2" → "第60条第1款第2项". */
    private static String human(String key) {
        String[] k = key.split("\\.");
        return "第" + k[0] + "条" + (k.length > 1 ? "第" + k[1] + "款" : "") + (k.length > 2 ? "第" + k[2] + "项" : "");
    }

    /** Label of the version of the cited instrument in force at the date, for from-old-and-lighter comparisons. */
    public String versionLabel(String ref, LocalDate asOf) {
        return cachedParse(ref).flatMap(r -> version(r, asOf)).map(v -> v.shortTitle() + "@" + v.label()).orElse("?");
    }

    /** The key of the provision that was {@code key} before a renumbering, in this version, or null. */
    static String successorKey(Version v, String key) {
        for (Map.Entry<String, LawFile.Provision> e : v.provisions().entrySet()) {
            if (key.equals(e.getValue().formerly())) return e.getKey();
        }
        return null;
    }

    private static LawFile.Provision text(Version v, Ref r) {
        if (r.article() == null) {
            return v.provisions().get(r.key());
        }
        if (!v.provisions().containsKey(r.key())) {
            String succ = successorKey(v, r.key());
            if (succ != null) return v.provisions().get(succ);
        }
        LawFile.Provision p = v.provisions().get(r.key());
        if (p != null) {
            return p;
        }
        // a paragraph or item cited but only the enclosing provision recorded: quote the enclosing provision
        if (r.item() != null) {
            p = v.provisions().get(r.article() + "." + r.paragraph());
            if (p != null) return p;
        }
        if (r.paragraph() != null) {
            p = v.provisions().get(String.valueOf(r.article()));
            if (p != null) return p;
        }
        // the article cited but only its paragraphs recorded: quote them together
        String prefix = r.key() + ".";
        StringBuilder joined = new StringBuilder();
        String fidelity = null;
        for (Map.Entry<String, LawFile.Provision> e : new TreeMap<>(v.provisions()).entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().indexOf('.', prefix.length()) < 0) {
                joined.append(e.getValue().text());
                if (e.getValue().fidelity() != null) fidelity = e.getValue().fidelity();
            }
        }
        return joined.length() == 0 ? null : new LawFile.Provision(joined.toString(), fidelity, null, null, null);
    }
}
