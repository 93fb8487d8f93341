package io.touchpoint.text.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.Dictionary;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean morphological analysis with Lucene's Nori tokenizer and Touchpoint's user dictionary of
 * customer-experience words (가성비, 고객센터 …). Keeps every morpheme, endings and particles
 * included, because sentiment needs them (재미없/VA, 않/VX); compounds stay whole. Thread-safe.
 */
public final class KoreanMorphology {

    static final String USER_DICTIONARY = "userdict_ko.txt";

    private final Analyzer analyzer;

    KoreanMorphology(UserDictionary userDictionary) {
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new KoreanTokenizer(
                        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                        userDictionary,
                        KoreanTokenizer.DecompoundMode.NONE,
                        false));
            }
        };
    }

    /** With the user dictionary shipped beside this class. */
    public static KoreanMorphology withDefaultDictionary() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(KoreanMorphology.class.getResourceAsStream(USER_DICTIONARY), USER_DICTIONARY),
                StandardCharsets.UTF_8)) {
            return new KoreanMorphology(UserDictionary.open(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The morphemes of a text in order; inflected words are split into their morphemes. */
    public List<Morph> analyze(String text) {
        List<Morph> morphs = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                Dictionary.Morpheme[] parts = pos.getMorphemes();
                if (pos.getPOSType() == POS.Type.MORPHEME || parts == null || parts.length == 0) {
                    POS.Tag tag = pos.getLeftPOS();
                    morphs.add(new Morph(term.toString(), tag == null ? "UNKNOWN" : tag.name(), start, end));
                } else {
                    for (Dictionary.Morpheme part : parts) {
                        morphs.add(new Morph(part.surfaceForm, part.posTag.name(), start, end));
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return morphs;
    }
}
