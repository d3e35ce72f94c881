package dev.accord.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sums over the samples of a Prometheus text exposition (what a worker's {@code /actuator/prometheus} answers). */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {}

    /** The sum of every sample of {@code metric} whose labels pass {@code labels}; 0 when there is none. */
    static double sum(String text, String metric, Predicate<Map<String, String>> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (labels.test(found)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }
}
