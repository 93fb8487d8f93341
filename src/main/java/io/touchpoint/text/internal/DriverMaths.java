package io.touchpoint.text.internal;

/**
 * The statistics of key drivers, in plain Java: a theme's impact on NPS with a 95% interval, and the
 * two-proportion test that flags an emerging theme.
 */
public final class DriverMaths {

    static final double Z95 = 1.959964;

    private DriverMaths() {}

    /** NPS answers of a group: how many, how many promoters (9–10), how many detractors (0–6). */
    public record Tally(long n, long promoters, long detractors) {

        public Tally {
            if (n < 0 || promoters < 0 || detractors < 0 || promoters + detractors > n) {
                throw new IllegalArgumentException(
                        "a tally needs 0 ≤ promoters + detractors ≤ n: " + n + ", " + promoters + ", " + detractors);
            }
        }

        Tally minus(Tally part) {
            return new Tally(n - part.n, promoters - part.promoters, detractors - part.detractors);
        }

        /** NPS on −100…100; null without answers. */
        public Double nps() {
            return n == 0 ? null : 100.0 * (promoters - detractors) / n;
        }
    }

    /** Impact in NPS points with its 95% interval. */
    public record Impact(double value, double low, double high) {}

    /**
     * NPS(all) − NPS(all without the theme's responses), with a 95% interval by the delta method
     * over the six cells theme/rest × promoter/passive/detractor (multinomial covariance), so that
     * the uncertainty of the theme's share counts as well as that of the two groups' NPS. Null
     * when the theme has no answers or every answer has it.
     */
    public static Impact impact(Tally all, Tally withTheme) {
        Tally rest = all.minus(withTheme);
        if (withTheme.n() == 0 || rest.n() == 0) {
            return null;
        }
        double n = all.n();
        double a = (all.promoters() - all.detractors()) / n;
        double r = (double) rest.n() / n;
        double m = (double) (rest.promoters() - rest.detractors()) / rest.n();
        // cells: theme P, A, D; rest P, A, D — probability and gradient of the impact in each
        double[] q = {
            withTheme.promoters() / n,
            (withTheme.n() - withTheme.promoters() - withTheme.detractors()) / n,
            withTheme.detractors() / n,
            rest.promoters() / n,
            (rest.n() - rest.promoters() - rest.detractors()) / n,
            rest.detractors() / n
        };
        double[] s = {1, 0, -1, 1, 0, -1};
        double mean = 0;
        double square = 0;
        for (int c = 0; c < 6; c++) {
            double g = (s[c] - a) - (c >= 3 ? (s[c] - m) / r : 0);
            mean += q[c] * g;
            square += q[c] * g * g;
        }
        double se = 100 * Math.sqrt(Math.max(0, square - mean * mean) / n);
        double value = 100 * (a - m);
        return new Impact(value, value - Z95 * se, value + Z95 * se);
    }

    /** The latest window's share of a theme against the baseline windows' share. */
    public record Rise(double latestShare, double baselineShare, double z, boolean emerging) {}

    /**
     * Two-proportion z-test (pooled) of the latest window's share {@code x1/n1} against the
     * baseline's {@code x0/n0}: emerging when z ≥ 1.96 (a one-sided test at 2.5%) and the theme was
     * mentioned at least {@code minCount} times in the latest window, so that two mentions after none
     * do not raise an alert. Null when either window has no comments.
     */
    public static Rise rise(long x1, long n1, long x0, long n0, int minCount) {
        if (n1 <= 0 || n0 <= 0 || x1 < 0 || x0 < 0 || x1 > n1 || x0 > n0) {
            return null;
        }
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        double pooled = (double) (x1 + x0) / (n1 + n0);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0);
        double z = variance == 0 ? 0 : (p1 - p0) / Math.sqrt(variance);
        return new Rise(p1, p0, z, z >= Z95 && x1 >= minCount);
    }
}
