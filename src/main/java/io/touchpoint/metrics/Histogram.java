package io.touchpoint.metrics;

/** Bins of equal, round width from 0 for a distribution of non-negative amounts. Plain Java. */
public final class Histogram {

    private Histogram() {}

    /**
     * The smallest width of the form 1, 2 or 5 × 10^k such that {@code bins} bins from 0 cover
     * {@code max}; 1 when max is not positive.
     */
    public static double width(double max, int bins) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / bins;
        double scale = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * scale * bins > max) {
                return step * scale;
            }
        }
        return 10 * scale;
    }
}
