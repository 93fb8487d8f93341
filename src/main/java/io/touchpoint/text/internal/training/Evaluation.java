package io.touchpoint.text.internal.training;

import java.util.Locale;

/** A confusion matrix with accuracy, per-class precision, recall and F1, and macro-F1. */
final class Evaluation {

    private final String[] classes;
    private final long[][] matrix;

    Evaluation(String... classes) {
        this.classes = classes;
        this.matrix = new long[classes.length][classes.length];
    }

    void add(int actual, int predicted) {
        matrix[actual][predicted]++;
    }

    long total() {
        long n = 0;
        for (long[] row : matrix) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    double accuracy() {
        long right = 0;
        for (int i = 0; i < classes.length; i++) {
            right += matrix[i][i];
        }
        return (double) right / total();
    }

    double recall(int c) {
        long row = 0;
        for (long v : matrix[c]) {
            row += v;
        }
        return row == 0 ? 0 : (double) matrix[c][c] / row;
    }

    double precision(int c) {
        long column = 0;
        for (long[] row : matrix) {
            column += row[c];
        }
        return column == 0 ? 0 : (double) matrix[c][c] / column;
    }

    double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes.length; c++) {
            sum += f1(c);
        }
        return sum / classes.length;
    }

    String report() {
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "n=%d accuracy=%.4f macroF1=%.4f%n", total(), accuracy(), macroF1()));
        for (int c = 0; c < classes.length; c++) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-8s precision=%.4f recall=%.4f f1=%.4f%n",
                    classes[c],
                    precision(c),
                    recall(c),
                    f1(c)));
        }
        return out.toString();
    }
}
