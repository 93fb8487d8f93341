package io.touchpoint.loop;

import java.util.List;

/** Case priorities, most pressing first; each has its own SLA. */
public final class CasePriority {

    public static final String URGENT = "urgent";
    public static final String HIGH = "high";
    public static final String NORMAL = "normal";
    public static final String LOW = "low";
    public static final List<String> ALL = List.of(URGENT, HIGH, NORMAL, LOW);

    private CasePriority() {}
}
