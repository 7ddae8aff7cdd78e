package dev.berth.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Keeps Maven's test suites out of the figures: they share this machine's two cores. Before each
 * measurement it waits until no Maven JVM has run for a while; during the measurement a watcher
 * looks every second, and a measurement during which a Maven JVM ran for a few seconds is taken again. Counts what it
 * did, so the report can say how quiet the machine was.
 */
final class QuietMachine {
    private static final Duration QUIET_FOR = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final int ATTEMPTS = 3;
    /** A Maven JVM seen for a second or two (a quick `mvn` call) costs little; a test suite runs far longer. */
    private static final int TOLERATED_SECONDS = 3;
    /**
     * surefire's forked test JVMs, and Maven itself (compiling is as heavy as testing). The brackets
     * keep the pattern from matching another pgrep looking for the same thing.
     */
    private static final String MAVEN_JVM = "[s]urefirebooter|[p]lexus-classworlds";

    /** Seconds (watcher samples) in which a Maven JVM ran since the current measurement began. */
    private final java.util.concurrent.atomic.AtomicInteger mavenSeconds = new java.util.concurrent.atomic.AtomicInteger();
    private long waitedMillis;
    private int measurements;
    private int repeated;
    private int keptDisturbed;
    private int gaveUp;

    QuietMachine() {
        Thread watcher = new Thread(this::watch, "bench-quiet-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Takes a measurement on a quiet machine, again if a Maven JVM turned up meanwhile (at most three times). */
    <T> T measure(String what, Callable<T> measurement) throws Exception {
        measurements++;
        for (int attempt = 1; ; attempt++) {
            awaitQuiet(what);
            T result = measurement.call();
            if (mavenSeconds.get() < TOLERATED_SECONDS) {
                return result;
            }
            if (attempt == ATTEMPTS) {
                System.out.printf("  %s was disturbed by Maven %d times: keeping the last attempt%n", what, attempt);
                keptDisturbed++;
                return result;
            }
            System.out.printf("  %s was disturbed by Maven: measuring it again%n", what);
            repeated++;
        }
    }

    /** For the report: how quiet the machine was for the measurements that were kept. */
    String summary() {
        String waits = String.format("waited %.0f s in all for Maven to finish; %d of %d measurements were taken"
                + " again because Maven started during them", waitedMillis / 1000.0, repeated, measurements);
        if (keptDisturbed > 0 || gaveUp > 0) {
            return String.format("NOT quiet: %d measurements kept although Maven ran during them, %d started on a"
                    + " busy machine after %d min of waiting; %s", keptDisturbed, gaveUp, GIVE_UP_AFTER.toMinutes(),
                    waits);
        }
        return "quiet: no Maven JVM ran during any measurement that was kept; " + waits;
    }

    boolean wasQuiet() {
        return keptDisturbed == 0 && gaveUp == 0;
    }

    /** Before work that is not itself measured (a warm-up): waits for quiet, once, without counting it. */
    void settle(String what) throws InterruptedException {
        int before = gaveUp;
        awaitQuiet(what);
        gaveUp = before;
    }

    private void awaitQuiet(String what) throws InterruptedException {
        long start = System.nanoTime();
        long quietSince = start;
        boolean announced = false;
        while (System.nanoTime() - quietSince < QUIET_FOR.toNanos()) {
            if (mavenRunning()) {
                quietSince = System.nanoTime();
                if (!announced) {
                    System.out.printf("  waiting for Maven to finish before %s%n", what);
                    announced = true;
                }
            }
            if (System.nanoTime() - start > GIVE_UP_AFTER.toNanos()) {
                System.out.printf("  the machine did not get quiet within %d min: measuring %s anyway%n",
                        GIVE_UP_AFTER.toMinutes(), what);
                gaveUp++;
                break;
            }
            Thread.sleep(500);
        }
        if (announced) {
            waitedMillis += (System.nanoTime() - start) / 1_000_000;
        }
        mavenSeconds.set(0);
    }

    private void watch() {
        while (true) {
            if (mavenRunning()) {
                mavenSeconds.incrementAndGet();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Like `pgrep -f surefirebooter`, for Maven's own JVM too. */
    private static boolean mavenRunning() {
        try {
            Process pgrep = new ProcessBuilder("pgrep", "-f", MAVEN_JVM).redirectErrorStream(true).start();
            pgrep.getInputStream().readAllBytes();
            if (!pgrep.waitFor(10, TimeUnit.SECONDS)) {
                pgrep.destroyForcibly();
                return false;
            }
            return pgrep.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
