package io.touchpoint.feedback;

import java.util.Map;

/** One option of a choice question: a stable id and its wording per language. */
public record Choice(String id, Map<String, String> text) {}
