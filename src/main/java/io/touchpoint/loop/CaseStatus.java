package io.touchpoint.loop;

import java.util.List;

/** Case statuses; resolved and closed cases no longer run against their SLA. */
public final class CaseStatus {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";
    public static final String WAITING_ON_CUSTOMER = "waiting_on_customer";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final List<String> ALL = List.of(OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
    public static final List<String> ACTIVE = List.of(OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER);

    private CaseStatus() {}

    public static boolean active(String status) {
        return ACTIVE.contains(status);
    }
}
