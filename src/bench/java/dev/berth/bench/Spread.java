package dev.berth.bench;

import java.util.List;

/** One figure over the rounds: its median, and min and max as the run-to-run spread. */
record Spread(double min, double median, double max, int rounds) {

    static Spread of(List<Double> perRound) {
        List<Double> known = perRound.stream().filter(v -> !v.isNaN()).toList();
        if (known.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Spread(known.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), Stats.median(known),
                known.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), known.size());
    }

    /** "12.3 (11.9–13.0)": the median, then min–max over the rounds. */
    String format(String pattern) {
        if (rounds == 0) {
            return "n/a";
        }
        return String.format(pattern, median) + " (" + String.format(pattern, min) + "–" + String.format(pattern, max)
                + ")";
    }
}
