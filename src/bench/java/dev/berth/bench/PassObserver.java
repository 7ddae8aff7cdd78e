package dev.berth.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a server on a prepared database, lets it reconcile for a while at a short interval
 * (more passes than the default 2 s tick would give; a pass costs the same either way) and reads
 * its pass timer and resident memory: how a pass costs beside what the store holds.
 */
final class PassObserver {
    private static final Duration OBSERVE_FOR = Duration.ofSeconds(20);
    private static final String PASS_INTERVAL = "250ms";

    private final BenchSettings settings;
    private final QuietMachine quiet;

    PassObserver(BenchSettings settings, QuietMachine quiet) {
        this.settings = settings;
        this.quiet = quiet;
    }

    StoreScaleResult.Observation observe(Path database, Map<String, String> overrides, String what) throws Exception {
        return quiet.measure(what, () -> observeOnce(database, overrides, what));
    }

    /** The server's passes so far (durations in ms) and its VmRSS now. */
    static StoreScaleResult.Observation read(BerthServer server) throws Exception {
        var timer = server.passTimer();
        return new StoreScaleResult.Observation(timer.path("count").asLong(), timer.path("p50").asDouble() * 1000,
                timer.path("p95").asDouble() * 1000, server.residentKb() / 1024.0);
    }

    private StoreScaleResult.Observation observeOnce(Path database, Map<String, String> overrides, String what)
            throws Exception {
        Map<String, String> withInterval = new HashMap<>(overrides);
        withInterval.put("reconciler.interval", PASS_INTERVAL);
        try (var server = BerthServer.start(settings, "berth-scale", database, withInterval)) {
            Thread.sleep(OBSERVE_FOR.toMillis());
            var seen = read(server);
            System.out.printf("  %-40s %4d passes, p50 %6.2f ms, p95 %6.2f ms, RSS %5.0f MB%n", what, seen.passes(),
                    seen.p50Millis(), seen.p95Millis(), seen.residentMb());
            return seen;
        }
    }
}
