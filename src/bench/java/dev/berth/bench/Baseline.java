package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The baseline's side of a throughput round: all N jobs in flight at once, one thread each, since
 * Berth is given all N at once too (or, beside a queue, as many at once as the queue runs). The
 * round ends when the last job's objects are removed.
 */
final class Baseline {

    /** Runs one job from start to removal, directly on the engine. */
    interface JobRunner {
        JobSample run(String name) throws Exception;
    }

    private Baseline() {
    }

    static RoundResult run(JobRunner runner, String runId, String round, int jobs) throws InterruptedException {
        return run(runner, runId, round, jobs, jobs);
    }

    /** At most {@code concurrency} jobs in flight: as many threads, each running jobs one after another. */
    static RoundResult run(JobRunner runner, String runId, String round, int jobs, int concurrency)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<JobSample>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                String name = "bench-" + runId + "-" + round + "-" + i;
                running.add(threads.submit(() -> runner.run(name)));
            }
            List<JobSample> samples = new ArrayList<>();
            for (Future<JobSample> job : running) {
                samples.add(outcome(job));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new RoundResult("baseline", round, jobs, seconds, samples);
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** A job that threw counts as a failure (and is reported), not as a reason to stop the benchmark. */
    private static JobSample outcome(Future<JobSample> job) throws InterruptedException {
        try {
            return job.get(30, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("  baseline job failed: " + e.getCause());
            return new JobSample("failed", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }
    }
}
