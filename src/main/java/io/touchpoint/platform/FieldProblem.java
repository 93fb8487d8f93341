package io.touchpoint.platform;

/** One failing field of a request, as listed in the {@code errors} member of a problem detail. */
public record FieldProblem(String field, String message) {}
