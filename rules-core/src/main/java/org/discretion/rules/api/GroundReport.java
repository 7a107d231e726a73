package org.discretion.rules.api;

import java.util.List;

/**
 * For one statutory ground, exclusion or list item considered: whether it held, and each of its conditions.
 *
 * @param id         ground or item id, e.g. XZCF-33-1-1 or TAX-1
 * @param kind       STATUTE, EXCLUSION or ITEM
 * @param title      short Chinese title
 * @param status     held, failed or unknown (Kleene conjunction of the conditions)
 * @param applied    whether the ground decided or shaped the outcome
 * @param note       why it was or was not applied (e.g. excluded by 滑法政办〔2022〕17号 三(七))
 * @param conditions each condition
 */
public record GroundReport(String id, String kind, String title, Status status, boolean applied, String note,
                           List<ConditionReport> conditions) {
    public GroundReport {
        conditions = List.copyOf(conditions);
    }
}
