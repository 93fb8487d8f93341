package io.touchpoint.text;

import java.time.LocalDate;
import java.util.List;

/**
 * One theme as a key driver over a period: how many comments mention it and their share of all
 * comments, their mean sentiment, the NPS of responses that mention it, its impact on NPS (NPS of
 * all responses minus NPS of responses without the theme, with a 95% interval; negative means the
 * theme pulls NPS down), its weekly share, whether it is emerging, and a few example comments.
 */
public record ThemeDriver(
        String id,
        String nameEn,
        String nameKo,
        int volume,
        double share,
        Double meanSentiment,
        double negativeShare,
        long npsResponses,
        Double npsWith,
        Double impact,
        Double impactLow,
        Double impactHigh,
        List<Week> trend,
        Emergence emergence,
        List<String> examples) {

    /** The theme's comments in one week (Monday start, the workspace's time zone) and their share. */
    public record Week(LocalDate week, int count, int comments, double share) {}

    /**
     * The share of the last seven days against the four weeks before, with the two-proportion
     * z-score; {@code emerging} when the rise is significant.
     */
    public record Emergence(
            int latestCount,
            int latestComments,
            double latestShare,
            double baselineShare,
            double z,
            boolean emerging) {}

    public ThemeDriver {
        trend = List.copyOf(trend);
        examples = List.copyOf(examples);
    }

    public String name(String language) {
        return "ko".equals(language) ? nameKo : nameEn;
    }
}
