package io.touchpoint.text.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * English words with their Porter stems, by the same chain as Lucene's EnglishAnalyzer (standard
 * tokenizer, possessives removed, lower case, Porter stemmer) but keeping stop words, so that
 * adjacent words can be paired into phrases. Thread-safe.
 */
final class EnglishWords {

    /** A word as written (lower case), its stem, and where it stands. */
    record Word(String surface, String stem, int start, int end) {}

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private EnglishWords() {}

    static List<Word> analyze(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String surface =
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT);
                surface = POSSESSIVE.matcher(surface).replaceAll("");
                words.add(new Word(surface, term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The stem of one word or the stems of a phrase, space-separated. */
    static String stem(String phrase) {
        return String.join(" ", analyze(phrase).stream().map(Word::stem).toList());
    }
}
