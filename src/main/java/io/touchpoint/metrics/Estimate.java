package io.touchpoint.metrics;

/** A value with its 95% interval; the interval is null when it cannot be computed (n too small). */
public record Estimate(double value, Interval ci) {

    public record Interval(double low, double high) {}
}
