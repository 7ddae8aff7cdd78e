package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section 4: the reconcile pass with 50 running jobs, beside no finished jobs and beside many.
 * One database gets the 50 running jobs (real containers, left running); two copies of it are made,
 * one seeded with finished jobs. Servers on the two copies then take turns, each observing the
 * same 50 containers for a while, and the pass timer and resident memory are read.
 */
final class StoreScaleSuite {
    private final BenchSettings settings;
    private final DockerClient docker;
    private final QuietMachine quiet;

    StoreScaleSuite(BenchSettings settings, DockerClient docker, QuietMachine quiet) {
        this.settings = settings;
        this.docker = docker;
        this.quiet = quiet;
    }

    StoreScaleResult run() throws Exception {
        Path base = settings.workDir().resolve("db-scale");
        Path none = settings.workDir().resolve("db-scale-0");
        Path many = settings.workDir().resolve("db-scale-seeded");
        String template = prepare(base.resolve("berth"));
        H2Files.copyDirectory(base, none);
        H2Files.copyDirectory(base, many);
        long start = System.nanoTime();
        StoreSeeder.copyJob(many.resolve("berth"), template, settings.seededJobs());
        StoreSeeder.deleteJob(many.resolve("berth"), template);
        StoreSeeder.deleteJob(none.resolve("berth"), template);
        System.out.printf("  seeded %d finished jobs in %.1f s%n", settings.seededJobs(), (System.nanoTime() - start) / 1e9);
        long finished = H2Files.count(many.resolve("berth"), "SELECT COUNT(*) FROM jobs WHERE phase = 'Succeeded'");
        List<StoreScaleResult.Observation> empty = new ArrayList<>();
        List<StoreScaleResult.Observation> seeded = new ArrayList<>();
        try {
            for (int r = 1; r <= settings.rounds(); r++) {
                empty.add(observe(none.resolve("berth"), "store round " + r + " (0 finished)"));
                seeded.add(observe(many.resolve("berth"), "store round " + r + " (" + finished + " finished)"));
            }
        } finally {
            OwnObjects.removeAll(docker, settings.runId(), List.of(settings.instanceId("scale")), false);
        }
        return new StoreScaleResult(settings.activeJobs(), finished, empty, seeded);
    }

    /** Runs one job to completion (the seed's template) and leaves the active jobs running; returns the template's id. */
    private String prepare(Path database) throws Exception {
        try (var server = BerthServer.start(settings, "berth-scale-prepare", database, instance())) {
            var api = server.client();
            String template = api.submit(TrivialJob.manifest(settings.image(), TrivialJob.COMMAND,
                    Map.of("bench.scale", "finished"))).join();
            String sleeper = TrivialJob.manifest(settings.image(), List.of("sleep", "3600"),
                    Map.of("bench.scale", "active"));
            for (int i = 0; i < settings.activeJobs(); i++) {
                api.submit(sleeper).join();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!"Succeeded".equals(api.job(template).path("status").path("phase").asText())
                    || api.count("Running", "bench.scale=active") < settings.activeJobs()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the store-scale jobs did not all start within 10 min");
                }
                Thread.sleep(500);
            }
            return template;
        }
    }

    private StoreScaleResult.Observation observe(Path database, String what) throws Exception {
        return new PassObserver(settings, quiet).observe(database, instance(), what);
    }

    /** The instance the servers share, whose queue has room for every active job at once. */
    private Map<String, String> instance() {
        return Map.of("reconciler.instanceId", settings.instanceId("scale"),
                "queues.default.maxRunning", Integer.toString(settings.activeJobs()));
    }
}
