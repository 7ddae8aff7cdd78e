package dev.berth.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.StatusChange;
import dev.berth.core.StepOutput;
import dev.berth.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store under SIGKILL: a process writes jobs from many threads, as the reconciler's actions do
 * (a job row, a new attempt with its steps, events, output, all in one transaction), and is killed
 * at a random moment, five times over. Afterwards every job must still be writable. On H2, writes
 * that were in flight at the kill used to leave rows locked by a transaction that no longer
 * existed, so that the job's next write timed out forever ({@link SerialWrites} says why).
 */
class StoreKillTest {
    private static final int JOBS = 16;
    private static final String OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    @TempDir
    Path dir;

    @Test
    void afterEveryKillDuringConcurrentWritesEveryJobCanStillBeWritten() throws Exception {
        TestDatabase.create(dir);
        Random random = new Random();
        for (int round = 1; round <= 5; round++) {
            Process writer = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    Writer.class.getName(), dir.toString()).redirectErrorStream(true).start();
            try (var output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(output.readLine()).as("the writer's first line").isEqualTo("writing");
                Thread.sleep(300 + random.nextInt(700));
                writer.destroyForcibly();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            // A lock timeout of a second: a row left locked fails the write instead of hanging.
            JobStore store = new JobStore(Jdbi.create("jdbc:h2:" + dir.resolve("berth") + OPTIONS + ";LOCK_TIMEOUT=1000",
                    "sa", "").installPlugin(new SqlObjectPlugin()), TestDatabase.json());
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                String id = jobId(i);
                try {
                    if (!Writer.writeNextAttempt(store, id)) {
                        stuck.add(id + ": the write found the row changed, though nothing else writes it");
                    }
                } catch (RuntimeException e) {
                    stuck.add(id + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            assertThat(stuck).as("jobs that could not be written after kill %d", round).isEmpty();
        }
    }

    private static String jobId(int i) {
        return "0000000000000000000000" + String.format("%04d", i);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The process that is killed: the store as Berth builds it for H2, written by JOBS threads. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            String url = "jdbc:h2:" + Path.of(args[0]).resolve("berth") + OPTIONS;
            JobStore store = new JobStore(Jdbi.create(url, "sa", "").installPlugin(new SqlObjectPlugin()),
                    TestDatabase.json(), SerialWrites.forUrl(url), WriteFence.NONE);
            for (int i = 0; i < JOBS; i++) {
                if (store.find(jobId(i)).isEmpty()) {
                    store.create(new Job(jobId(i), null, Map.of(), 1, dev.berth.support.Jobs.spec(),
                            JobStatus.submitted(Instant.now()), 0), event(1));
                }
            }
            System.out.println("writing");
            System.out.flush();
            for (int i = 0; i < JOBS; i++) {
                String id = jobId(i);
                new Thread(() -> {
                    while (true) {
                        writeNextAttempt(store, id);
                    }
                }).start();
            }
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }

        /** What a launch and a step's end write at once, bulked up so that each write takes a while. */
        static boolean writeNextAttempt(JobStore store, String id) {
            Job read = store.find(id).orElseThrow();
            int next = read.status().attempts() + 1;
            String text = "x".repeat(2000);
            Attempt attempt = Attempt.launching(next, Backend.CONTAINER, List.of("a", "b", "c"), "creating");
            var change = new StatusChange(read.status().withNewAttempt(1, "creating"), attempt,
                    List.of(event(next), event(next)));
            var output = new StepOutput(new CapturedLog(text, 0), new CapturedLog(text, 0));
            return store.recordStatus(read, read.with(change), null, change.events(), new JobStore.Captured(0, output),
                    System.currentTimeMillis());
        }

        private static JobEvent event(int attempt) {
            return new JobEvent(Instant.now(), JobEvent.EventType.Normal, Phase.Launching, Reason.Launched,
                    "creating", attempt);
        }
    }
}
