package dev.berth.bench;

import java.util.List;

/** Section 4's observations: one per server run, on the database without and with finished jobs. */
record StoreScaleResult(int activeJobs, long finishedJobs, List<Observation> empty, List<Observation> seeded) {

    /** One server's passes over its observation window (durations in ms), and its VmRSS at the end (MB). */
    record Observation(long passes, double p50Millis, double p95Millis, double residentMb) {
    }

    static Spread p50(List<Observation> runs) {
        return Spread.of(runs.stream().map(Observation::p50Millis).toList());
    }

    static Spread p95(List<Observation> runs) {
        return Spread.of(runs.stream().map(Observation::p95Millis).toList());
    }

    static Spread resident(List<Observation> runs) {
        return Spread.of(runs.stream().map(Observation::residentMb).toList());
    }

    /** Seeded / empty, from the medians of the per-run pass medians. */
    double passRatio() {
        return p50(seeded).median() / p50(empty).median();
    }
}
