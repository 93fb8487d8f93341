package io.touchpoint.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of score answers, enough for every feedback metric: n, sum and sum of squares (means),
 * promoters/passives/detractors (NPS), top-two-box (CSAT), agree (CES). Plain Java.
 */
public final class Tally {

    /** Which score a tally counts. */
    public enum Kind {
        NPS,
        CSAT,
        CES
    }

    public static final int SMALL_SAMPLE = 30;

    private final Kind kind;
    long n;
    double sum;
    double sumOfSquares;
    long promoters;
    long passives;
    long detractors;
    long topBox;
    long agree;

    public Tally(Kind kind) {
        this.kind = kind;
    }

    /**
     * Adds {@code count} answers of one value.
     *
     * @param scaleMax top of the question's scale (CSAT top-two-box)
     * @param reversed CES worded so that a higher score means more effort
     */
    public void add(double value, Integer scaleMax, boolean reversed, long count) {
        double x = kind == Kind.CES && reversed ? 8 - value : value;
        n += count;
        sum += x * count;
        sumOfSquares += x * x * count;
        switch (kind) {
            case NPS -> {
                if (x >= 9) {
                    promoters += count;
                } else if (x >= 7) {
                    passives += count;
                } else {
                    detractors += count;
                }
            }
            case CSAT -> {
                int top = scaleMax == null ? 5 : scaleMax;
                if (x >= top - 1) {
                    topBox += count;
                }
            }
            case CES -> {
                if (x >= 5) {
                    agree += count;
                }
            }
        }
    }

    public void addAll(Tally other) {
        n += other.n;
        sum += other.sum;
        sumOfSquares += other.sumOfSquares;
        promoters += other.promoters;
        passives += other.passives;
        detractors += other.detractors;
        topBox += other.topBox;
        agree += other.agree;
    }

    public long n() {
        return n;
    }

    /** The headline value: NPS, CSAT top-box %, CES mean; null without answers. */
    public Double value() {
        Estimate e = estimate();
        return e == null ? null : e.value();
    }

    Estimate estimate() {
        return switch (kind) {
            case NPS -> Intervals.nps(promoters, passives, detractors);
            case CSAT -> Intervals.wilson(topBox, n);
            case CES -> Intervals.mean(n, sum, sumOfSquares);
        };
    }

    /** Whether this and an earlier tally differ significantly (95%). */
    public boolean differsFrom(Tally other) {
        return switch (kind) {
            case NPS -> Intervals.npsDiffers(promoters, detractors, n, other.promoters, other.detractors, other.n);
            case CSAT -> Intervals.proportionsDiffer(topBox, n, other.topBox, other.n);
            case CES -> Intervals.meansDiffer(n, sum, sumOfSquares, other.n, other.sum, other.sumOfSquares);
        };
    }

    /** The fields of API.md for this metric: value, n, ci and the metric's own counts. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        Estimate e = estimate();
        out.put("value", e == null ? null : round(e.value()));
        out.put("n", n);
        out.put(
                "ci",
                e == null || e.ci() == null ? null : Map.of("low", round(e.ci().low()), "high", round(e.ci().high())));
        switch (kind) {
            case NPS -> {
                out.put("promoters", promoters);
                out.put("passives", passives);
                out.put("detractors", detractors);
            }
            case CSAT -> {
                out.put("topBox", topBox);
                out.put("mean", n == 0 ? null : round(sum / n));
            }
            case CES -> {
                Estimate agreeShare = Intervals.wilson(agree, n);
                out.put("agree", agree);
                out.put("agreePct", agreeShare == null ? null : round(agreeShare.value()));
                out.put(
                        "agreeCi",
                        agreeShare == null
                                ? null
                                : Map.of(
                                        "low",
                                        round(agreeShare.ci().low()),
                                        "high",
                                        round(agreeShare.ci().high())));
            }
        }
        out.put("smallSample", n < SMALL_SAMPLE);
        return out;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
