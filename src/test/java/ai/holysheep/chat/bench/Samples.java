package ai.holysheep.chat.bench;

import java.util.Arrays;
import java.util.Locale;

/** Repeated measurements of one quantity, summarised by order statistics (never by a mean, which one noisy run skews). */
record Samples(double[] values) {
    Samples {
        values = values.clone();
        Arrays.sort(values);
    }

    static Samples of(java.util.List<Double> list) {
        return new Samples(list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The same samples in another unit. */
    Samples scaled(double factor) {
        double[] scaled = values.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return new Samples(scaled);
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    int count() {
        return values.length;
    }

    double min() {
        return values.length == 0 ? Double.NaN : values[0];
    }

    double max() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    double median() {
        return quantile(0.5);
    }

    double p90() {
        return quantile(0.9);
    }

    double p99() {
        return quantile(0.99);
    }

    /** Linear interpolation between the two nearest ranks. */
    double quantile(double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double rank = q * (values.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return values[low] + (values[high] - values[low]) * (rank - low);
    }

    /** {@code median (min–max)} in the given unit, with {@code n} so a reader sees how many runs back it. */
    String spread(String unit, int decimals) {
        if (values.length == 0) {
            return "n/a";
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " %s  (min " + f + ", p90 " + f + ", max " + f + ", n=%d)",
                median(), unit, min(), p90(), max(), values.length);
    }
}
