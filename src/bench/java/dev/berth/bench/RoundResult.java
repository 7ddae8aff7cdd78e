package dev.berth.bench;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One round of one side (Berth or the baseline): N jobs from first submit until all were done,
 * and what the side spent on them ({@link Cost#NONE} where not read).
 */
record RoundResult(String side, String round, int jobs, double seconds, List<JobSample> samples, Cost cost) {

    RoundResult(String side, String round, int jobs, double seconds, List<JobSample> samples) {
        this(side, round, jobs, seconds, samples, Cost.NONE);
    }

    RoundResult withCost(Cost spent) {
        return new RoundResult(side, round, jobs, seconds, samples, spent);
    }

    double jobsPerSecond() {
        return jobs / seconds;
    }

    long failures() {
        return jobs - samples.stream().filter(JobSample::succeeded).count();
    }

    double percentile(ToDoubleFunction<JobSample> metric, double p) {
        return Stats.percentile(samples.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).boxed().toList(), p);
    }

    /** Rounds of one job each, run one after another, as one round of all their jobs (its seconds: the sum). */
    static RoundResult oneAtATime(String side, String round, List<RoundResult> singles) {
        return new RoundResult(side, round, singles.size(), singles.stream().mapToDouble(RoundResult::seconds).sum(),
                singles.stream().flatMap(r -> r.samples().stream()).toList());
    }

    /** Fills in the times Berth recorded the terminal phases, which are read from its database afterwards. */
    RoundResult withRecordedAt(Map<String, Double> recordedAt) {
        return new RoundResult(side, round, jobs, seconds, samples.stream()
                .map(s -> s.withRecordedAt(recordedAt.getOrDefault(s.id(), Double.NaN))).toList(), cost);
    }
}
