package io.touchpoint.metrics;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The interval formulas of METRICS.md, plain Java: adjusted-Wald for NPS, Wilson for proportions,
 * t for means, and the significance of a difference between two periods.
 */
public final class Intervals {

    static final double Z = 1.959963984540054;

    private Intervals() {}

    /** NPS on −100…100 with the adjusted-Wald interval (Rocks 2016); null without answers. */
    public static Estimate nps(long promoters, long passives, long detractors) {
        long n = promoters + passives + detractors;
        if (n == 0) {
            return null;
        }
        double value = 100.0 * (promoters - detractors) / n;
        double[] adjusted = adjustedNps(promoters, detractors, n);
        double se = Math.sqrt(adjusted[1]);
        return new Estimate(
                value,
                new Estimate.Interval(
                        clip(100 * (adjusted[0] - Z * se), -100, 100), clip(100 * (adjusted[0] + Z * se), -100, 100)));
    }

    /** The adjusted NPS' (as a share) and its variance, for intervals and differences. */
    static double[] adjustedNps(long promoters, long detractors, long n) {
        double n1 = n + 3.0;
        double p = (promoters + 0.75) / n1;
        double d = (detractors + 0.75) / n1;
        double nps = p - d;
        return new double[] {nps, (p + d - nps * nps) / n1};
    }

    /** A percentage (0–100) with the Wilson score interval; null when n is 0. */
    public static Estimate wilson(long k, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(100 * p, new Estimate.Interval(100 * (centre - half), 100 * (centre + half)));
    }

    /** A mean with its t interval; the interval is null with fewer than 2 values. */
    public static Estimate mean(long n, double sum, double sumOfSquares) {
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        if (n < 2) {
            return new Estimate(mean, null);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * Math.sqrt(variance / n);
        return new Estimate(mean, new Estimate.Interval(mean - half, mean + half));
    }

    /**
     * Whether two independent NPS values differ at 95%: the interval of the difference, with
     * SE = √(SE₁² + SE₂²) from the adjusted-Wald variances, excludes 0.
     */
    public static boolean npsDiffers(long p1, long d1, long n1, long p2, long d2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return false;
        }
        double[] a = adjustedNps(p1, d1, n1);
        double[] b = adjustedNps(p2, d2, n2);
        return Math.abs(a[0] - b[0]) > Z * Math.sqrt(a[1] + b[1]);
    }

    /** Whether two proportions differ at 95% (two-proportion z test, unpooled). */
    public static boolean proportionsDiffer(long k1, long n1, long k2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return false;
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return se > 0 ? Math.abs(p1 - p2) > Z * se : p1 != p2;
    }

    /** Whether two means differ at 95% (Welch: SE = √(s₁²/n₁ + s₂²/n₂), normal quantile). */
    public static boolean meansDiffer(long n1, double sum1, double sq1, long n2, double sum2, double sq2) {
        if (n1 < 2 || n2 < 2) {
            return false;
        }
        double m1 = sum1 / n1;
        double m2 = sum2 / n2;
        double v1 = Math.max(0, (sq1 - n1 * m1 * m1) / (n1 - 1));
        double v2 = Math.max(0, (sq2 - n2 * m2 * m2) / (n2 - 1));
        double se = Math.sqrt(v1 / n1 + v2 / n2);
        return se > 0 ? Math.abs(m1 - m2) > Z * se : m1 != m2;
    }

    private static double clip(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
