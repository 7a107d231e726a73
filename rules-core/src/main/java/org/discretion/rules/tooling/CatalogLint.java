package org.discretion.rules.tooling;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discretion.rules.api.ListType;
import org.discretion.rules.api.Problem;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.internal.SourceText;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * The checks on a built {@link RuleBase} that the engine build itself does not make: the columns of the official
 * table (附件1/附件2 of 滑法政办〔2022〕17号), expiry, and the 三(七) exclusion. Used by {@link CatalogChecker} and
 * by {@link org.discretion.rules.api.ReloadableEngine} (a catalog with an error here never replaces a working one).
 *
 * <p>Exactly what is checked, per item:
 * <ul>
 *   <li>{@code MISSING_COLUMN} error: 设定依据 — neither {@code violationBasis} nor {@code basisText}, unless
 *       {@code basisNote} says why the list gives none (then a warning);</li>
 *   <li>{@code MISSING_COLUMN} warnings: 序号 ({@code number}); 处罚依据 ({@code penaltyBasis}) on a penalty list
 *       (附件1 第2点: 处罚事项需包括违法行为依据和处罚依据); 裁量幅度 ({@code discretionRange}) on a 从轻 / 减轻 /
 *       从轻或者减轻 list (附件1 第5点); 配套监管措施 ({@code measures}, 附件1 第6点); the coercion provision
 *       ({@code coercionNotApplied}) on a 不予实施行政强制 list;</li>
 *   <li>{@code EXCLUDED_ITEM} error (滑法政办〔2022〕17号 三(七), when the exclusion is on): the item's 事项名称 or
 *       适用情形 names an excluded kind of violation — {@link #EXCLUDED_WORDS} — or its rule requires an excluded
 *       circumstance, i.e. contains {@code established(Circumstance.HIGH_RISK | IRREVERSIBLE_LOSS |
 *       EXPLOITED_EMERGENCY)} not inside {@code not(…)};</li>
 * </ul>
 * and per catalog and item: {@code EXPIRED} warning when {@code effectiveTo} is before today while the status is
 * still IN_FORCE or VALIDITY_UNVERIFIED; {@code EXPIRING} warning when {@code effectiveTo} falls within the window.
 */
public final class CatalogLint {

    /** Words that name a kind of violation 三(七) keeps off every list. */
    public static final List<String> EXCLUDED_WORDS = List.of("囤积居奇", "哄抬物价", "哄抬价格", "利用自然灾害",
            "利用事故灾难", "利用公共卫生事件", "利用社会安全事件", "利用突发事件");

    private static final Pattern EXCLUDED_CIRCUMSTANCE = Pattern.compile(
            "(?<![A-Za-z])established\\(\\s*Circumstance\\.(HIGH_RISK|IRREVERSIBLE_LOSS|EXPLOITED_EMERGENCY)\\s*\\)");

    private CatalogLint() {
    }

    /**
     * @param rb                 a rule base that built
     * @param today              the day expiry is judged against
     * @param expiringWithin     warn about catalogs and items whose last day falls within this period from today
     * @param huaxianExclusion   check 三(七)
     */
    public static List<Problem> lint(RuleBase rb, LocalDate today, Period expiringWithin, boolean huaxianExclusion) {
        List<Problem> out = new ArrayList<>();
        for (Sources.Bundle b : rb.sources().bundles()) {
            if (b.statute()) continue;
            CatalogMeta cm = rb.catalogs().get(b.folder());
            if (cm == null) continue;
            String origin = b.meta().origin();
            String meta = b.meta().text();
            expiry(out, origin, SourceText.lineOf(meta, "effectiveTo:"), "catalog " + cm.id(), cm.status(), cm.effectiveTo(), today,
                    expiringWithin);
            for (ItemMeta it : cm.items()) {
                int line = SourceText.lineOf(meta, "id: " + it.id());
                String where = "item " + it.id();
                if (it.violationBasis().isEmpty() && blank(it.basisText())) {
                    String msg = where + ": the 设定依据 column is empty (neither violationBasis nor basisText); add the "
                            + "provision the violation breaks (violationBasis: [\"<简称> 第N条第N款第N项\"])";
                    out.add(blank(it.basisNote()) ? Problem.error(origin, line, 0, "MISSING_COLUMN", msg
                            + ", or say in basisNote why the published list gives none")
                            : Problem.warning(origin, line, 0, "MISSING_COLUMN", msg + " (basisNote: " + it.basisNote() + ")"));
                }
                if (blank(it.number())) {
                    out.add(Problem.warning(origin, line, 0, "MISSING_COLUMN", where
                            + ": 序号 (number) is empty; publish will number it by its position"));
                }
                if (it.list() != null && it.list() != ListType.NO_COERCION && it.penaltyBasis().isEmpty()) {
                    out.add(Problem.warning(origin, line, 0, "MISSING_COLUMN", where + ": 设定依据 has no 处罚依据 "
                            + "(penaltyBasis); 附件1 第2点 requires both the violation and the penalty provision"));
                }
                if (it.list() != null && it.list() != ListType.NO_COERCION && it.list() != ListType.NO_PENALTY
                        && blank(it.discretionRange())) {
                    out.add(Problem.warning(origin, line, 0, "MISSING_COLUMN", where + ": 裁量幅度 (discretionRange) is "
                            + "empty on a " + it.list().title() + "; 附件1 第5点 asks for it"));
                }
                if (blank(it.measures())) {
                    out.add(Problem.warning(origin, line, 0, "MISSING_COLUMN", where + ": 配套监管措施 (measures) is "
                            + "empty; 附件1 第6点 asks for concrete measures"));
                }
                if (it.list() == ListType.NO_COERCION && blank(it.coercionNotApplied())) {
                    out.add(Problem.warning(origin, line, 0, "MISSING_COLUMN", where + ": a 不予实施行政强制 item should "
                            + "name the coercive measure not applied (coercionNotApplied)"));
                }
                expiry(out, origin, line, where, cm.status(), it.effectiveTo(), today, expiringWithin);
                // 三(七) is a drafting rule for the lists it governs (those that declare it), not for every list
                if (huaxianExclusion && cm.exclusions().contains("HX-2022-17-3-7")) {
                    excluded(out, b, origin, line, it);
                }
            }
        }
        return out;
    }

    private static void excluded(List<Problem> out, Sources.Bundle b, String origin, int line, ItemMeta it) {
        for (String w : EXCLUDED_WORDS) {
            String column = contains(it.name(), w) ? "事项名称" : contains(it.applicability(), w) ? "适用情形" : null;
            if (column != null) {
                out.add(Problem.error(origin, line, 0, "EXCLUDED_ITEM", "item " + it.id() + ": its " + column
                        + " names \"" + w + "\", a kind of violation that 滑法政办〔2022〕17号 三(七) keeps off the "
                        + "four lists (潜在风险大、纠错成本高、损失挽回难，以及利用自然灾害、事故灾难、公共卫生事件、社会安全事件实施的"
                        + "如囤积居奇、哄抬物价等); remove the item from the list"));
                return;
            }
        }
        for (Sources.SourceFile drl : b.drl()) {
            String body = SourceText.ruleBody(drl.text(), it.id());
            if (body.isEmpty()) continue;
            Matcher m = EXCLUDED_CIRCUMSTANCE.matcher(body);
            while (m.find()) {
                String before = body.substring(Math.max(0, m.start() - 8), m.start());
                if (before.matches("(?s).*not\\(\\s*$")) continue;
                int at = drl.text().indexOf(body) + m.start();
                out.add(Problem.error(drl.origin(), SourceText.lineOf(drl.text(), at), SourceText.columnOf(drl.text(), at), "EXCLUDED_ITEM",
                        "rule \"" + it.id() + "\" requires Circumstance." + m.group(1) + ", a circumstance that "
                                + "滑法政办〔2022〕17号 三(七) keeps off the four lists; an item cannot apply only to an "
                                + "excluded violation — remove the condition or the item"));
                return;
            }
        }
    }

    private static void expiry(List<Problem> out, String origin, int line, String what, String status, LocalDate to,
                               LocalDate today, Period window) {
        if (to == null || "REPEALED".equals(status) || "EXPIRED".equals(status) || "DRAFT".equals(status)) return;
        if (to.isBefore(today)) {
            out.add(Problem.warning(origin, line, 0, "EXPIRED", what + " expired on " + to + " (its last day in force) "
                    + "but its status is " + status + "; set status EXPIRED or REPEALED, or publish the new version"));
        } else if (window != null && !to.isAfter(today.plus(window))) {
            out.add(Problem.warning(origin, line, 0, "EXPIRING", what + " expires on " + to + ", in "
                    + ChronoUnit.DAYS.between(today, to) + " day(s); prepare the revised list (动态管理)"));
        }
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean contains(String s, String w) {
        return s != null && s.contains(w);
    }
}
