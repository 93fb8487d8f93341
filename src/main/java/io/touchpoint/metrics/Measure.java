package io.touchpoint.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an estimate is computed from: n values with their sum and sum of squares. A share is a mean
 * of 0/1 values (shown as a percentage with a Wilson interval); other means get a t interval.
 * Plain Java, so two periods compare with the tests of {@link Intervals}.
 */
public record Measure(boolean share, long n, double sum, double sumOfSquares) {

    /** {@code k} of {@code n} (for 0/1 values the sum of squares equals the sum). */
    public static Measure share(long k, long n) {
        return new Measure(true, n, k, k);
    }

    public static Measure mean(long n, double sum, double sumOfSquares) {
        return new Measure(false, n, sum, sumOfSquares);
    }

    /** The value (a percentage for shares) with its 95% interval; null when n is 0. */
    public Estimate estimate() {
        return share ? Intervals.wilson(Math.round(sum), n) : Intervals.mean(n, sum, sumOfSquares);
    }

    public Double value() {
        Estimate e = estimate();
        return e == null ? null : e.value();
    }

    /** Whether this and another independent measure differ at 95%. */
    public boolean differsFrom(Measure other) {
        return share
                ? Intervals.proportionsDiffer(Math.round(sum), n, Math.round(other.sum), other.n)
                : Intervals.meansDiffer(n, sum, sumOfSquares, other.n, other.sum, other.sumOfSquares);
    }

    /** value, n, ci (and k for shares), smallSample — as the score endpoints answer. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        Estimate e = estimate();
        out.put("value", e == null ? null : Tally.round(e.value()));
        out.put("n", n);
        if (share) {
            out.put("k", Math.round(sum));
        }
        out.put(
                "ci",
                e == null || e.ci() == null
                        ? null
                        : Map.of("low", Tally.round(e.ci().low()), "high", Tally.round(e.ci().high())));
        out.put("smallSample", n < Tally.SMALL_SAMPLE);
        return out;
    }

    /** {@link #fields()} plus {@code previous}: the earlier value, its n, the change and its significance. */
    public Map<String, Object> fieldsAgainst(Measure previous, Period previousPeriod) {
        Map<String, Object> out = fields();
        out.put("previous", comparison(value(), previous.value(), previous.n(), differsFrom(previous), previousPeriod));
        return out;
    }

    static Map<String, Object> comparison(
            Double current, Double previous, long previousN, boolean significant, Period period) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period.from().toString());
        out.put("to", period.to().toString());
        out.put("value", previous == null ? null : Tally.round(previous));
        out.put("n", previousN);
        out.put("change", current == null || previous == null ? null : Tally.round(current - previous));
        out.put("significant", current != null && previous != null && significant);
        return out;
    }
}
