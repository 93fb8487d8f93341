package io.touchpoint.text.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained binary logistic-regression sentiment model: one weight per feature, looked up by a
 * 64-bit hash of the feature's text. The probability of "positive" is the logistic function of the
 * bias plus the weights of the text's features, each feature counting 1/√(number of features).
 */
public final class LinearModel {

    private static final String MAGIC = "touchpoint-sentiment\t1";

    private final Map<String, String> header;
    private final HashTable table;
    private final double bias;
    private final List<String> featureTexts;

    private LinearModel(Map<String, String> header, HashTable table, double bias) {
        this.header = new LinkedHashMap<>(header);
        this.table = table;
        this.bias = bias;
        this.featureTexts = List.of();
    }

    /**
     * A model that remembers its feature texts, so that it can be written. Models read from a file
     * keep only the hashes, to save memory.
     *
     * @param features feature texts, parallel to {@code weights}
     */
    LinearModel(Map<String, String> header, List<String> features, float[] weights, double bias) {
        if (features.size() != weights.length) {
            throw new IllegalArgumentException("features and weights differ in length");
        }
        this.header = new LinkedHashMap<>(header);
        this.bias = bias;
        this.featureTexts = List.copyOf(features);
        long[] hashes = new long[features.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(features.get(i));
        }
        this.table = new HashTable(hashes, weights, hashes.length);
    }

    /** A value recorded with the model, such as {@code features} or {@code neutral}. */
    public String header(String name) {
        return header.get(name);
    }

    Map<String, String> headers() {
        return Map.copyOf(header);
    }

    public LinearModel withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(header);
        copy.put(name, value);
        if (featureTexts.isEmpty()) {
            return new LinearModel(copy, table, bias);
        }
        float[] weights = new float[featureTexts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(featureTexts.get(i));
        }
        return new LinearModel(copy, featureTexts, weights, bias);
    }

    public int size() {
        return table.size;
    }

    double bias() {
        return bias;
    }

    float weight(String feature) {
        return table.get(hash(feature));
    }

    /** The log-odds of "positive" for a text's features. */
    public double logit(Collection<String> features) {
        if (features.isEmpty()) {
            return bias;
        }
        double sum = 0;
        for (String feature : features) {
            sum += weight(feature);
        }
        return bias + sum / Math.sqrt(features.size());
    }

    /** As {@link #logit(Collection)} for the hashes of the features, summed in the same order. */
    double logit(FeatureHashes features) {
        int n = features.size();
        if (n == 0) {
            return bias;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += table.get(features.get(i));
        }
        return bias + sum / Math.sqrt(n);
    }

    /** Open addressing with linear probing, at most two thirds full: a lookup is one or two probes. */
    private static final class HashTable {

        private final long[] keys;
        private final float[] values;
        private final int mask;
        private final int size;

        HashTable(long[] hashes, float[] weights, int count) {
            int capacity = Integer.highestOneBit(Math.max(4, count * 3 / 2)) * 2;
            this.keys = new long[capacity];
            this.values = new float[capacity];
            this.mask = capacity - 1;
            this.size = count;
            for (int i = 0; i < count; i++) {
                long key = hashes[i] == 0 ? 1 : hashes[i];
                int at = slot(key);
                while (keys[at] != 0 && keys[at] != key) {
                    at = (at + 1) & mask;
                }
                keys[at] = key;
                values[at] = weights[i];
            }
        }

        float get(long hash) {
            long key = hash == 0 ? 1 : hash;
            for (int at = slot(key); keys[at] != 0; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    return values[at];
                }
            }
            return 0f;
        }

        private int slot(long key) {
            return (int) (key ^ (key >>> 32)) & mask;
        }
    }

    /** FNV-1a over the text's UTF-16 chars. */
    static long hash(String text) {
        return FeatureHashes.fold(FeatureHashes.START, text);
    }

    public void write(OutputStream out) throws IOException {
        if (featureTexts.isEmpty() && table.size > 0) {
            throw new IllegalStateException("A model read from a file keeps no feature texts to write");
        }
        try (var writer =
                new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            writer.write(MAGIC + "\n");
            for (var entry : header.entrySet()) {
                writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
            writer.write("bias\t" + bias + "\n--\n");
            for (String feature : featureTexts) {
                writer.write(feature + "\t" + weight(feature) + "\n");
            }
        }
    }

    public static LinearModel read(InputStream in) {
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            if (!MAGIC.equals(reader.readLine())) {
                throw new IllegalArgumentException("Not a Touchpoint sentiment model");
            }
            Map<String, String> header = new LinkedHashMap<>();
            double bias = 0;
            String line;
            while ((line = reader.readLine()) != null && !line.equals("--")) {
                int tab = line.indexOf('\t');
                String name = line.substring(0, tab);
                String value = line.substring(tab + 1);
                if (name.equals("bias")) {
                    bias = Double.parseDouble(value);
                } else {
                    header.put(name, value);
                }
            }
            long[] keys = new long[1024];
            float[] weights = new float[1024];
            int n = 0;
            while ((line = reader.readLine()) != null) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    weights = Arrays.copyOf(weights, n * 2);
                }
                int tab = line.lastIndexOf('\t');
                keys[n] = hash(line.substring(0, tab));
                weights[n] = Float.parseFloat(line.substring(tab + 1));
                n++;
            }
            return new LinearModel(header, new HashTable(keys, weights, n), bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
