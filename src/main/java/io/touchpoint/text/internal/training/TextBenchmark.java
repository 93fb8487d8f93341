package io.touchpoint.text.internal.training;

import io.touchpoint.text.internal.KoreanBaseModel;
import io.touchpoint.text.internal.KoreanMorphology;
import io.touchpoint.text.internal.TextPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the whole text pipeline on one thread, beside Nori tokenisation alone, on the
 * reviews of NSMC's dev.tsv (see {@code bench/text-throughput.sh}). Each is run twice; the second
 * run is reported. Rates are per second of the thread's CPU time, so that other work on the machine
 * does not skew the comparison.
 */
public final class TextBenchmark {

    private TextBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/nsmc");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> texts = Nsmc.read(data.resolve("dev.tsv")).stream()
                .limit(count)
                .map(Nsmc::text)
                .toList();
        KoreanMorphology korean = KoreanMorphology.withDefaultDictionary();
        var base = new KoreanBaseModel(korean);
        TextPipeline pipeline = TextPipeline.shipped(korean, base);
        base.get();
        double tokenise = 0;
        double whole = 0;
        for (int round = 0; round < 2; round++) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long morphs = 0;
            for (String text : texts) {
                morphs += korean.analyze(text).size();
            }
            tokenise = texts.size() / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            start = threads.getCurrentThreadCpuTime();
            long themes = 0;
            for (String text : texts) {
                themes += pipeline.analyze(text, Map.of()).themes().size();
            }
            whole = texts.size() / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            if (morphs < 0 || themes < 0) {
                throw new IllegalStateException();
            }
        }
        System.out.println(String.format(
                Locale.ROOT,
                "%d Korean reviews, per CPU second of one thread: Nori tokenisation %.0f texts/s; whole pipeline %.0f texts/s (%.0f%%)",
                texts.size(),
                tokenise,
                whole,
                100 * whole / tokenise));
    }
}
