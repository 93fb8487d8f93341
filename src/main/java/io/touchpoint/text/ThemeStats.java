package io.touchpoint.text;

/**
 * A theme of the workspace's taxonomy with how often comments in a period mention it, their share
 * of all comments, mean sentiment (−1…1) and share of negative comments.
 */
public record ThemeStats(ThemeDefinition theme, int volume, double share, Double meanSentiment, double negativeShare) {}
