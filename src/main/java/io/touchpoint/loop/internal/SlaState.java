package io.touchpoint.loop.internal;

import java.time.Duration;
import java.time.Instant;

/** Where a case stands against its due time. Plain Java. */
public final class SlaState {

    public static final String NONE = "none";
    public static final String ON_TRACK = "on_track";
    public static final String AT_RISK = "at_risk";
    public static final String BREACHED = "breached";
    public static final String MET = "met";

    /** A case is at risk once this share of the time between opening and due has passed. */
    static final double AT_RISK_SHARE = 0.75;

    private SlaState() {}

    /**
     * @param doneAt when the case was resolved (or closed), or null while it is worked on
     */
    public static String of(Instant openedAt, Instant dueAt, Instant doneAt, Instant now) {
        if (dueAt == null) {
            return NONE;
        }
        if (doneAt != null) {
            return doneAt.isAfter(dueAt) ? BREACHED : MET;
        }
        if (now.isAfter(dueAt)) {
            return BREACHED;
        }
        return now.isBefore(atRiskFrom(openedAt, dueAt)) ? ON_TRACK : AT_RISK;
    }

    /** The instant from which an open case counts as about to breach. */
    public static Instant atRiskFrom(Instant openedAt, Instant dueAt) {
        long total = Duration.between(openedAt, dueAt).toMillis();
        return openedAt.plusMillis((long) (Math.max(0, total) * AT_RISK_SHARE));
    }
}
