package io.touchpoint.text;

/**
 * A theme whose share of comments in the seven days before {@code asOf} rose significantly against
 * the four weeks before (two-proportion z-test, z ≥ 1.96, at least five mentions).
 */
public record EmergingTheme(
        String id,
        String nameEn,
        String nameKo,
        int latestCount,
        int latestComments,
        double latestShare,
        double baselineShare,
        double z) {}
