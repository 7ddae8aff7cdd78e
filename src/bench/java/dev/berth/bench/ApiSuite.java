package dev.berth.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 3: POST /api/v1/jobs and GET /api/v1/jobs/{id} under wrk, on a server whose launching is
 * paused (reconciler.launch=false), in turns (POST, GET, POST, GET...) after a warm-up of each. The
 * CPU time of the server's threads is sampled around every run to show where it goes.
 */
final class ApiSuite {
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(5);
    private static final int MAX_WARM_UP_STEPS = 12;
    /** The JIT is done enough when a warm-up step costs its compiler threads less CPU than this. */
    private static final double JIT_SETTLED_SECONDS = 0.5;
    private static final int GET_IDS = 100;

    private final BenchSettings settings;
    private final QuietMachine quiet;

    ApiSuite(BenchSettings settings, QuietMachine quiet) {
        this.settings = settings;
        this.quiet = quiet;
    }

    ApiResult run() throws Exception {
        return run(BenchStore.h2(settings.workDir().resolve("db-api").resolve("berth")), "api");
    }

    /** On {@code store}, by a server of its own named after {@code purpose}. */
    ApiResult run(BenchStore store, String purpose) throws Exception {
        Path database = store.h2File() != null ? store.h2File()
                : settings.workDir().resolve("db-" + purpose).resolve("unused");
        List<Wrk.Run> posts = new ArrayList<>();
        List<Wrk.Run> gets = new ArrayList<>();
        Map<String, Double> postCpu = new HashMap<>();
        Map<String, Double> getCpu = new HashMap<>();
        long passes;
        double passMedianMillis;
        long residentMb;
        Map<String, String> overrides = new HashMap<>(store.overrides());
        overrides.putAll(Map.of("reconciler.instanceId", settings.instanceId(purpose), "reconciler.launch", "false"));
        try (var server = BerthServer.start(settings, "berth-" + purpose, database, overrides)) {
            var wrk = new Wrk(settings.workDir().resolve("wrk"), settings.image(), server.token());
            var jobs = server.api().resolve("/api/v1/jobs");
            warmUp("POST", () -> wrk.run("post.lua", jobs, WARM_UP_STEP, List.of()), server);
            List<String> ids = server.client().newestIds(GET_IDS);
            warmUp("GET", () -> wrk.run("get.lua", jobs, WARM_UP_STEP, ids), server);
            long passesBefore = server.passTimer().path("count").asLong();
            for (int r = 1; r <= settings.rounds(); r++) {
                posts.add(quiet.measure("API round " + r + " (POST)", () -> measured("POST",
                        () -> wrk.run("post.lua", jobs, settings.apiRun(), List.of()), server, postCpu)));
                gets.add(quiet.measure("API round " + r + " (GET)", () -> measured("GET",
                        () -> wrk.run("get.lua", jobs, settings.apiRun(), ids), server, getCpu)));
            }
            passes = server.passTimer().path("count").asLong() - passesBefore;
            passMedianMillis = server.passTimer().path("p50").asDouble() * 1000;
            residentMb = server.residentKb() / 1024;
        }
        long stored = store.count("SELECT COUNT(*) FROM jobs");
        return new ApiResult(posts, gets, postCpu, getCpu, passes, passMedianMillis, residentMb, stored);
    }

    private interface WrkRun {
        Wrk.Run run() throws Exception;
    }

    /**
     * On two cores the JIT compiler competes with the requests for a long while (tens of seconds of
     * C2 time): load the server until compiling has (nearly) stopped, so the runs measure Berth
     * rather than its warm-up.
     */
    private void warmUp(String what, WrkRun load, BerthServer server) throws Exception {
        for (int step = 1; step <= MAX_WARM_UP_STEPS; step++) {
            double before = jitSeconds(server);
            quiet.settle(what + " warm-up");
            Wrk.Run run = load.run();
            double compiled = jitSeconds(server) - before;
            System.out.printf("  %-4s warm-up %2d: %6.0f req/s, JIT %.1f s CPU%n", what, step,
                    run.requestsPerSecond(), compiled);
            if (compiled < JIT_SETTLED_SECONDS) {
                return;
            }
        }
    }

    private static double jitSeconds(BerthServer server) throws java.io.IOException {
        return ThreadCpu.sample(server.pid()).getOrDefault(ThreadCpu.JIT, 0.0);
    }

    private static Wrk.Run measured(String what, WrkRun load, BerthServer server, Map<String, Double> cpu)
            throws Exception {
        var before = ThreadCpu.sample(server.pid());
        Wrk.Run run = load.run();
        ThreadCpu.difference(before, ThreadCpu.sample(server.pid())).forEach((group, s) -> cpu.merge(group, s, Double::sum));
        System.out.printf("  %-4s %8.0f req/s, p99 %7.1f ms, %d requests%s%n", what, run.requestsPerSecond(),
                run.p99Millis(), run.requests(), run.errors() == 0 ? "" : ", " + run.errors() + " not 2xx");
        return run;
    }
}
