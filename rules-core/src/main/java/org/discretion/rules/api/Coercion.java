package org.discretion.rules.api;

/** Whether administrative coercive measures (行政强制措施) may be taken; judged separately from the penalty. */
public enum Coercion {
    /** 可以不采取行政强制措施 (行政强制法 第16条第2款, or a 不予实施行政强制事项清单 item). */
    NO_COERCION,
    /** No ground against coercive measures holds: they are permitted where the law provides them. */
    COERCION_PERMITTED
}
