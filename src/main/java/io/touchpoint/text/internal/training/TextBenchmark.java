package io.touchpoint.text.internal.training;

import io.touchpoint.text.internal.KoreanBaseModel;
import io.touchpoint.text.internal.KoreanMorphology;
import io.touchpoint.text.internal.TextPipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the whole text pipeline on one thread, beside Nori tokenisation alone, on the
 * reviews of NSMC's dev.tsv (see {@code bench/text-throughput.sh}). Rates are per second of the
 * thread's CPU time, so that other work on the machine does not skew the comparison. Each round
 * runs Nori alone and the pipeline over all the reviews, taking turns every {@value #CHUNK}; the
 * first rounds only warm the JIT up (a pipeline measured before its code is compiled looks slower
 * than it runs), and the medians of the rounds after them are reported.
 */
public final class TextBenchmark {

    /**
     * Nori and the pipeline take turns every this many reviews, so that a change in the machine's
     * load within a round touches both figures alike.
     */
    private static final int CHUNK = 500;

    private TextBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/nsmc");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<String> texts = Nsmc.read(data.resolve("dev.tsv")).stream()
                .limit(count)
                .map(Nsmc::text)
                .toList();
        KoreanMorphology korean = KoreanMorphology.withDefaultDictionary();
        var base = new KoreanBaseModel(korean);
        TextPipeline pipeline = TextPipeline.shipped(korean, base);
        base.get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] tokenise = new double[measured];
        double[] whole = new double[measured];
        double[] ratio = new double[measured];
        for (int round = 0; round < warmUp + measured; round++) {
            long nori = 0;
            long all = 0;
            long morphs = 0;
            long themes = 0;
            for (int from = 0; from < texts.size(); from += CHUNK) {
                List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
                long start = threads.getCurrentThreadCpuTime();
                for (String text : chunk) {
                    morphs += korean.analyze(text).size();
                }
                long middle = threads.getCurrentThreadCpuTime();
                for (String text : chunk) {
                    themes += pipeline.analyze(text, Map.of()).themes().size();
                }
                nori += middle - start;
                all += threads.getCurrentThreadCpuTime() - middle;
            }
            if (morphs < 0 || themes < 0) {
                throw new IllegalStateException();
            }
            double t = texts.size() / (nori / 1e9);
            double w = texts.size() / (all / 1e9);
            boolean warm = round >= warmUp;
            System.out.println(String.format(
                    Locale.ROOT,
                    "round %d%s: Nori %.0f texts/s, pipeline %.0f texts/s (%.0f%%)",
                    round + 1,
                    warm ? "" : " (warm-up)",
                    t,
                    w,
                    100 * w / t));
            if (warm) {
                tokenise[round - warmUp] = t;
                whole[round - warmUp] = w;
                ratio[round - warmUp] = w / t;
            }
        }
        System.out.println(String.format(
                Locale.ROOT,
                "%d Korean reviews, per CPU second of one thread, median of %d rounds: Nori tokenisation %.0f texts/s;"
                        + " whole pipeline %.0f texts/s (%.0f%% of Nori; rounds %.0f–%.0f%%); load average %.2f",
                texts.size(),
                measured,
                median(tokenise),
                median(whole),
                100 * median(ratio),
                100 * Arrays.stream(ratio).min().orElse(0),
                100 * Arrays.stream(ratio).max().orElse(0),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
