package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Section 5, queues, in container mode. First N trivial jobs (10,000 by default) submitted at
 * once to a queue of 8, beside the baseline running as many 8 at a time; Berth's resident memory
 * is sampled every 2 s meanwhile. Then the pass with the queue full (8 jobs running) beside 0,
 * 10,000 and 100,000 queued jobs, the servers taking turns on copies of one database.
 */
final class QueueSuite {
    static final int MAX_RUNNING = 8;
    private static final int WARM_UP_JOBS = 40;
    /** Submissions under way at once: enough to keep Berth's API busy, not thousands of connections. */
    private static final int IN_FLIGHT = 16;
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(3);
    private static final List<Integer> QUEUED = List.of(0, 10_000, 100_000);

    private final BenchSettings settings;
    private final DockerClient docker;
    private final QuietMachine quiet;
    private final CostProbe baselineCost;

    /** {@code baselineCost} reads the baseline's counters (this JVM and {@code docker}'s calls). */
    QueueSuite(BenchSettings settings, DockerClient docker, QuietMachine quiet, CostProbe baselineCost) {
        this.settings = settings;
        this.baselineCost = baselineCost;
        this.docker = docker;
        this.quiet = quiet;
    }

    QueueResult run() throws Exception {
        String instanceId = settings.instanceId("queue");
        int jobs = settings.queueJobs();
        Baseline.JobRunner direct = new ContainerBaseline(docker, settings.image(), settings.runId());
        RoundResult berth;
        RoundResult baseline;
        AtomicLong peakKb = new AtomicLong();
        StoreScaleResult.Observation atEnd;
        try (var server = BerthServer.start(settings, "berth-queue", settings.workDir().resolve("db-queue")
                .resolve("berth"), queueOfEight(instanceId))) {
            var rounds = new BerthRound(server.client(), docker, instanceId, false, settings.image(),
                    server::cost);
            quiet.settle("queue warm-up");
            rounds.run("queue-warmup", WARM_UP_JOBS, IN_FLIGHT, GIVE_UP_AFTER);
            Baseline.run(direct, settings.runId(), "queue-warmup", WARM_UP_JOBS, MAX_RUNNING);
            Thread sampler = new Thread(() -> sampleResident(server, peakKb), "resident-memory");
            sampler.setDaemon(true);
            sampler.start();
            try {
                berth = report(quiet.measure("queue of " + MAX_RUNNING + ", " + jobs + " jobs (Berth)",
                        () -> rounds.run("queue-b", jobs, IN_FLIGHT, GIVE_UP_AFTER)));
            } finally {
                sampler.interrupt();
            }
            atEnd = PassObserver.read(server);
        }
        baseline = report(quiet.measure(MAX_RUNNING + " at a time, " + jobs + " jobs (baseline)",
                () -> CostProbe.measured(baselineCost,
                        () -> Baseline.run(direct, settings.runId(), "queue-d", jobs, MAX_RUNNING))));
        System.out.printf("  Berth's resident memory at most %.0f MB during its round%n", peakKb.get() / 1024.0);
        return new QueueResult(MAX_RUNNING, berth, baseline, peakKb.get() / 1024.0, atEnd, besideQueued());
    }

    /** The pass with the queue full, beside each number of queued jobs, the servers taking turns. */
    private List<QueueResult.Beside> besideQueued() throws Exception {
        Path base = settings.workDir().resolve("db-queued");
        String template = prepareFullQueue(base.resolve("berth"));
        List<Path> copies = new ArrayList<>();
        for (int queued : QUEUED) {
            Path copy = settings.workDir().resolve("db-queued-" + queued);
            H2Files.copyDirectory(base, copy);
            if (queued > 1) {
                StoreSeeder.copyJob(copy.resolve("berth"), template, queued - 1);
            } else if (queued == 0) {
                StoreSeeder.deleteJob(copy.resolve("berth"), template);
            }
            copies.add(copy.resolve("berth"));
        }
        List<List<StoreScaleResult.Observation>> runs = new ArrayList<>();
        QUEUED.forEach(q -> runs.add(new ArrayList<>()));
        var observer = new PassObserver(settings, quiet);
        try {
            for (int r = 1; r <= settings.rounds(); r++) {
                for (int i = 0; i < QUEUED.size(); i++) {
                    runs.get(i).add(observer.observe(copies.get(i), queueOfEight(settings.instanceId("queued")),
                            String.format("queue round %d (%,d queued)", r, QUEUED.get(i))));
                }
            }
        } finally {
            OwnObjects.removeAll(docker, settings.runId(), List.of(settings.instanceId("queued")), false);
        }
        List<QueueResult.Beside> beside = new ArrayList<>();
        for (int i = 0; i < QUEUED.size(); i++) {
            long stored = H2Files.count(copies.get(i), "SELECT COUNT(*) FROM jobs WHERE phase = 'Pending'");
            beside.add(new QueueResult.Beside(stored, runs.get(i)));
        }
        return beside;
    }

    /** Eight jobs running (sleep 3600) fill the queue; one trivial job then waits Queued: the seed's template. */
    private String prepareFullQueue(Path database) throws Exception {
        try (var server = BerthServer.start(settings, "berth-queued-prepare", database,
                queueOfEight(settings.instanceId("queued")))) {
            var api = server.client();
            String sleeper = TrivialJob.manifest(settings.image(), List.of("sleep", "3600"),
                    Map.of("bench.queue", "running"));
            for (int i = 0; i < MAX_RUNNING; i++) {
                api.submit(sleeper).join();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (api.count("Running", "bench.queue=running") < MAX_RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the queue's running jobs did not all start within 10 min");
                }
                Thread.sleep(500);
            }
            String template = api.submit(TrivialJob.manifest(settings.image(), TrivialJob.COMMAND,
                    Map.of("bench.queue", "queued"))).join();
            Thread.sleep(2000); // a pass or two: it must stay queued
            String phase = api.job(template).path("status").path("reason").asText();
            if (!"Queued".equals(phase)) {
                throw new IllegalStateException("the template job is " + phase + ", not Queued");
            }
            return template;
        }
    }

    private Map<String, String> queueOfEight(String instanceId) {
        return Map.of("reconciler.instanceId", instanceId, "queues.default.maxRunning", Integer.toString(MAX_RUNNING));
    }

    private static void sampleResident(BerthServer server, AtomicLong peakKb) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                peakKb.accumulateAndGet(server.residentKb(), Math::max);
                Thread.sleep(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            System.err.println("  resident memory no longer readable: " + e.getMessage());
        }
    }

    private static RoundResult report(RoundResult round) {
        System.out.printf("  %-9s %-10s %6d jobs in %8.1f s = %6.2f jobs/s%s%n", round.side(), round.round(),
                round.jobs(), round.seconds(), round.jobsPerSecond(),
                round.failures() == 0 ? "" : " (" + round.failures() + " failed)");
        return round;
    }
}
