package dev.berth.bench;

import java.util.List;

/**
 * Section 5's figures: one round of N trivial jobs through a queue of {@code maxRunning} on each
 * side, Berth's resident memory at its highest during it and its passes at the end; then the pass
 * beside 0 and more queued jobs, the queue full.
 */
record QueueResult(int maxRunning, RoundResult berth, RoundResult baseline, double peakResidentMb,
                   StoreScaleResult.Observation passesAtEnd, List<Beside> besideQueued) {

    /** Observations of the pass with this many jobs queued. */
    record Beside(long queued, List<StoreScaleResult.Observation> runs) {
    }

    double ratio() {
        return berth.jobsPerSecond() / baseline.jobsPerSecond();
    }

    /** The pass beside the most queued jobs over the pass beside none (medians of the run p50s). */
    double passRatio() {
        return StoreScaleResult.p50(besideQueued.get(besideQueued.size() - 1).runs()).median()
                / StoreScaleResult.p50(besideQueued.get(0).runs()).median();
    }
}
