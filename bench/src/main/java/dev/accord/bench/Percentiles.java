package dev.accord.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (the smallest sample with at least p % of them at or below it). */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile, 0 < p ≤ 100; NaN without samples. */
    double at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
