package org.discretion.rules.api;

/** The four lists (四张清单), plus the combined 从轻或者减轻 list some agencies publish. */
public enum ListType {
    /** 不予处罚事项清单. */
    NO_PENALTY("不予处罚事项清单"),
    /** 从轻处罚事项清单. */
    LENIENT("从轻处罚事项清单"),
    /** 减轻处罚事项清单. */
    MITIGATED("减轻处罚事项清单"),
    /** 从轻或者减轻处罚事项清单 (e.g. 驻马店市发改委). */
    LENIENT_OR_MITIGATED("从轻或者减轻处罚事项清单"),
    /** 不予实施行政强制事项清单. */
    NO_COERCION("不予实施行政强制事项清单");

    private final String title;

    ListType(String title) {
        this.title = title;
    }

    /** The list's official Chinese title. */
    public String title() {
        return title;
    }
}
