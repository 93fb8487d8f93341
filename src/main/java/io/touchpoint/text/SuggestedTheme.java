package io.touchpoint.text;

/**
 * A keyphrase that no theme of the taxonomy covers and that detractors (positive {@code z}) or
 * promoters (negative {@code z}) use markedly more: weighted log-odds with an informative Dirichlet
 * prior; |z| ≥ 1.96 is significant at 5%.
 */
public record SuggestedTheme(String phrase, int detractorComments, int promoterComments, double z) {}
