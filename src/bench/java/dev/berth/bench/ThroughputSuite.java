package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sections 1 and 2: in one mode, one Berth server, then for each size (BERTH_BENCH_JOBS) rounds of
 * Berth and the baseline in turn (ABAB...) on the same engine, after a small unreported warm-up
 * round of each (JIT, engine caches). Then, for the latencies on an engine that is not saturated,
 * rounds of jobs submitted one at a time (the next once the last is done), again in turn.
 */
final class ThroughputSuite {
    private static final int WARM_UP_JOBS = 20;
    private static final int JOBS_ONE_AT_A_TIME = 10;

    private final BenchSettings settings;
    private final DockerClient docker;
    private final QuietMachine quiet;
    private final CostProbe baselineCost;

    /** {@code baselineCost} reads the baseline's counters (this JVM and {@code docker}'s calls). */
    ThroughputSuite(BenchSettings settings, DockerClient docker, QuietMachine quiet, CostProbe baselineCost) {
        this.settings = settings;
        this.baselineCost = baselineCost;
        this.docker = docker;
        this.quiet = quiet;
    }

    /** One result per size, in the order of BERTH_BENCH_JOBS; the first carries the one-at-a-time rounds. */
    List<ModeResult> run(boolean swarm) throws Exception {
        String mode = swarm ? "swarm" : "container";
        String instanceId = settings.instanceId(mode);
        Path database = settings.workDir().resolve("db-" + mode).resolve("berth");
        List<List<RoundResult>> berth = new ArrayList<>();
        List<List<RoundResult>> baseline = new ArrayList<>();
        List<RoundResult> berthAlone = new ArrayList<>();
        List<RoundResult> baselineAlone = new ArrayList<>();
        try (var watcher = new TaskWatcher(docker, settings.runId())) {
            Baseline.JobRunner direct = swarm
                    ? new SwarmBaseline(docker, settings.engine().swarmImage(docker), settings.runId(), watcher)
                    : new ContainerBaseline(docker, settings.image(), settings.runId());
            // The baseline has every job of a round in flight at once: so may Berth, for a like comparison.
            try (var server = BerthServer.start(settings, "berth-" + mode, database, Map.of(
                    "reconciler.instanceId", instanceId, "docker.swarmMode", Boolean.toString(swarm),
                    "queues.default.maxRunning", Integer.toString(Math.max(settings.jobs(), WARM_UP_JOBS))))) {
                var rounds = new BerthRound(server.client(), docker, instanceId, swarm, settings.image(),
                        server::cost);
                quiet.settle(mode + " warm-up");
                rounds.run(mode + "-warmup", WARM_UP_JOBS);
                Baseline.run(direct, settings.runId(), mode + "-warmup", WARM_UP_JOBS);
                for (int jobs : settings.jobSizes()) {
                    List<RoundResult> berthRounds = new ArrayList<>();
                    List<RoundResult> baselineRounds = new ArrayList<>();
                    for (int r = 1; r <= settings.rounds(); r++) {
                        String b = mode + "-" + jobs + "-b" + r;
                        String d = mode + "-" + jobs + "-d" + r;
                        berthRounds.add(report(quiet.measure(mode + " " + jobs + " jobs, round " + r + " (Berth)",
                                () -> rounds.run(b, jobs))));
                        baselineRounds.add(report(quiet.measure(mode + " " + jobs + " jobs, round " + r
                                + " (baseline)", () -> CostProbe.measured(baselineCost,
                                        () -> Baseline.run(direct, settings.runId(), d, jobs)))));
                    }
                    berth.add(berthRounds);
                    baseline.add(baselineRounds);
                }
                for (int r = 1; r <= settings.rounds(); r++) {
                    String b = mode + "-b1by1-" + r;
                    String d = mode + "-d1by1-" + r;
                    berthAlone.add(reportAlone(quiet.measure(mode + " one-at-a-time round " + r + " (Berth)",
                            () -> oneAtATime("berth", b, i -> rounds.run(b + "-" + i, 1)))));
                    baselineAlone.add(reportAlone(quiet.measure(mode + " one-at-a-time round " + r + " (baseline)",
                            () -> oneAtATime("baseline", d,
                                    i -> Baseline.run(direct, settings.runId(), d + "-" + i, 1)))));
                }
            }
        }
        Map<String, Double> recorded = RecordedTimes.read(database);
        List<ModeResult> sizes = new ArrayList<>();
        for (int i = 0; i < settings.jobSizes().size(); i++) {
            boolean first = i == 0;
            sizes.add(new ModeResult(mode, settings.jobSizes().get(i),
                    berth.get(i).stream().map(r -> r.withRecordedAt(recorded)).toList(), baseline.get(i),
                    first ? berthAlone.stream().map(r -> r.withRecordedAt(recorded)).toList() : List.of(),
                    first ? baselineAlone : List.of()));
        }
        return sizes;
    }

    /** One round of a single job; the index names it. */
    private interface SingleJob {
        RoundResult run(int index) throws Exception;
    }

    private static RoundResult oneAtATime(String side, String round, SingleJob job) throws Exception {
        List<RoundResult> singles = new ArrayList<>();
        for (int i = 0; i < JOBS_ONE_AT_A_TIME; i++) {
            singles.add(job.run(i));
        }
        return RoundResult.oneAtATime(side, round, singles);
    }

    private static RoundResult reportAlone(RoundResult round) {
        System.out.printf("  %-9s %-18s %2d jobs one at a time, submit → running p50 %6.0f ms%n", round.side(),
                round.round(), round.jobs(), round.percentile(JobSample::submitToRunningMillis, 50));
        return round;
    }

    private static RoundResult report(RoundResult round) {
        System.out.printf("  %-9s %-14s %4d jobs in %7.2f s = %6.2f jobs/s%s%n", round.side(), round.round(),
                round.jobs(), round.seconds(), round.jobsPerSecond(),
                round.failures() == 0 ? "" : " (" + round.failures() + " failed)");
        return round;
    }
}
