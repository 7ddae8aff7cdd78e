package dev.berth.crash;

import dev.berth.support.BerthProcess;
import dev.berth.support.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

/**
 * SIGKILLs Berth at random moments of a burst and starts it again on the same database. Each kill
 * falls due once a random number of jobs has been acknowledged, then waits a random delay, so that
 * kills land in submissions, launches and status writes alike rather than only between them.
 */
final class Crasher implements Callable<List<String>> {
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final BerthProcess berth;
    private final Random random;
    private final IntSupplier acknowledged;
    private final List<Integer> dueAfter;
    private final Instant deadline;

    Crasher(BerthProcess berth, Random random, IntSupplier acknowledged, int jobs, int kills, Instant deadline) {
        this.berth = berth;
        this.random = random;
        this.acknowledged = acknowledged;
        this.dueAfter = random.ints(0, jobs).distinct().limit(kills).sorted().boxed().toList();
        this.deadline = deadline;
    }

    /** Carries out every kill and restart; returns what happened, for the test's report. */
    @Override
    public List<String> call() {
        List<String> kills = new ArrayList<>();
        for (int due : dueAfter) {
            while (acknowledged.getAsInt() < due && Instant.now().isBefore(deadline)) {
                Pause.millis(20);
            }
            int delay = random.nextInt(1500);
            Pause.millis(delay);
            int atKill = acknowledged.getAsInt();
            berth.kill();
            int down = random.nextInt(1000);
            Pause.millis(down);
            berth.start(STARTUP);
            kills.add("killed after %d acknowledged jobs (due at %d, +%d ms), down %d ms"
                    .formatted(atKill, due, delay, down));
        }
        return kills;
    }
}
