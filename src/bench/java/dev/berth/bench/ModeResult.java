package dev.berth.bench;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Throughput and latency of one mode (container or swarm) at one size ({@code jobs} per burst
 * round): the measured burst rounds of both sides, and the rounds of jobs run one at a time
 * ({@code berthAlone}, {@code baselineAlone}, measured once per mode: empty for its other sizes),
 * where a latency is Berth's own and not the wait in the engine's queue.
 */
record ModeResult(String mode, int jobs, List<RoundResult> berth, List<RoundResult> baseline,
                  List<RoundResult> berthAlone, List<RoundResult> baselineAlone) {

    /** "container, 100 jobs": the mode and the size of its burst rounds. */
    String label() {
        return mode + ", " + jobs + " jobs";
    }

    Spread berthJobsPerSecond() {
        return Spread.of(berth.stream().map(RoundResult::jobsPerSecond).toList());
    }

    Spread baselineJobsPerSecond() {
        return Spread.of(baseline.stream().map(RoundResult::jobsPerSecond).toList());
    }

    /** Berth / baseline, from the medians of their rounds. */
    double ratio() {
        return berthJobsPerSecond().median() / baselineJobsPerSecond().median();
    }

    /** Berth / baseline per round (round i of one against round i of the other), for the spread of the ratio. */
    Spread ratioPerRound() {
        int n = Math.min(berth.size(), baseline.size());
        return Spread.of(java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> berth.get(i).jobsPerSecond() / baseline.get(i).jobsPerSecond()).toList());
    }

    static Spread latency(List<RoundResult> rounds, ToDoubleFunction<JobSample> metric, double p) {
        return Spread.of(rounds.stream().map(r -> r.percentile(metric, p)).toList());
    }

    long failures(Function<ModeResult, List<RoundResult>> side) {
        return side.apply(this).stream().mapToLong(RoundResult::failures).sum();
    }
}
