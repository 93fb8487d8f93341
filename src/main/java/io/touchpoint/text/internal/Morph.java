package io.touchpoint.text.internal;

/**
 * One morpheme of a Korean text: its dictionary form, its part-of-speech tag (Sejong tags as Nori
 * names them: NNG, VA, E, J …) and where the word it belongs to stands in the text.
 */
public record Morph(String term, String tag, int start, int end) {

    boolean isNoun() {
        return tag.equals("NNG") || tag.equals("NNP") || tag.equals("SL") || tag.equals("XR");
    }

    boolean isPredicate() {
        return tag.equals("VA") || tag.equals("VV") || tag.equals("XSA") || tag.equals("XSV") || tag.equals("VCN");
    }
}
