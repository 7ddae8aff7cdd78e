package dev.berth.bench;

import java.util.List;
import java.util.Map;

/**
 * The API section's runs, the server's CPU seconds per thread group over the POST runs and the GET
 * runs, the reconcile passes that ran during the measured runs and their median duration (ms), and
 * the server's resident memory at the end (MB), and how many jobs (all Pending) the store held at the end.
 */
record ApiResult(List<Wrk.Run> posts, List<Wrk.Run> gets, Map<String, Double> postCpu, Map<String, Double> getCpu,
                 long passes, double passMedianMillis, long residentMb, long storedJobs) {

    static Spread rate(List<Wrk.Run> runs) {
        return Spread.of(runs.stream().map(Wrk.Run::requestsPerSecond).toList());
    }

    static Spread p99(List<Wrk.Run> runs) {
        return Spread.of(runs.stream().map(Wrk.Run::p99Millis).toList());
    }
}
