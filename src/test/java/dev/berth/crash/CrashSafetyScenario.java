package dev.berth.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.support.BerthProcess;
import dev.berth.support.DockerClients;
import dev.berth.support.JobsApi;
import dev.berth.support.ObjectEvents;
import dev.berth.support.Pause;
import dev.berth.support.RunningContainers;
import dev.berth.support.TestEngine;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's promise under crashes. Berth runs from its jar in a process of its own, is SIGKILLed
 * several times at random moments while a burst of jobs is submitted, and each time is started
 * again on the same database. Every job must end with the status its script earns, and the engine's
 * own events must show exactly one object per step of a job attempt; jobs have one to three steps.
 * The jobs share a queue of {@value #QUEUE_LIMIT}: however often Berth is killed and restarted, the
 * engine's events never show more of their containers running at once. Subclasses choose the
 * backend. The seed is printed; -Dberth.crash.seed=N replays the same plan (the timing of a real
 * engine varies).
 */
abstract class CrashSafetyScenario {
    private static final int JOBS = Integer.getInteger("berth.crash.jobs", 50);
    private static final int KILLS = Integer.getInteger("berth.crash.kills", 4);
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration BURST = Duration.ofMinutes(5);
    static final int QUEUE_LIMIT = 8;

    final String instance = TestEngine.newInstanceId();
    private final long seed = Long.getLong("berth.crash.seed", System.nanoTime());
    private final Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS).build();
    private final DockerClient streams = DockerClients.streams(engineHost());

    /** An engine event stream whose counts must show one object per attempt. */
    record Counted(String what, ObjectEvents events, boolean onlyThisRun) { }

    abstract boolean swarmMode();

    /** The engine Berth runs its jobs on: the main engine, unless a scenario says otherwise. */
    String engineHost() {
        return TestEngine.HOST;
    }

    /** The image the jobs run: one that every node of that engine can get. */
    String image() {
        return TestEngine.IMAGE;
    }

    /** Removes what the run left on its engine. */
    void removeLeftovers() {
        TestEngine.removeAllOf(instance);
    }

    /** The streams that count this backend's objects, followed from {@code since}. */
    abstract List<Counted> follow(DockerClient streams, Instant since);

    @AfterEach
    void cleanUp() throws Exception {
        removeLeftovers();
        client.close();
        streams.close();
    }

    @Test
    void everyJobEndsAsItsScriptSaysWithOneObjectPerStepOfAnAttemptThoughBerthIsKilledAgainAndAgain() throws Exception {
        System.out.printf("[%s] seed %d, %d jobs, %d kills, swarm mode %s, engine %s%n", instance, seed, JOBS, KILLS,
                swarmMode(), engineHost());
        Random random = new Random(seed);
        // Jobs of one to three steps: a kill between two steps must neither run one twice nor skip one.
        List<PlannedJob> plan = PlannedJob.batch("crash-" + instance, JOBS, random, 0, 9, 3);
        List<Counted> counted = follow(streams, Instant.now());
        // On the bed, the manager's events tell of its own containers only: a weaker check, still true.
        var running = RunningContainers.of(streams, instance, Instant.now());
        try (var berth = BerthProcess.forInstance(instance, engineHost(), swarmMode(),
                Map.of("queues.default.maxRunning", Integer.toString(QUEUE_LIMIT)))) {
            berth.start(STARTUP);
            client.register(berth.adminToken());
            Map<PlannedJob, String> ids = submitWhileKilling(berth, plan, random);
            Map<String, JsonNode> ended = FinalStates.await(new JobsApi(client, berth.port()), ids.values(), BURST);

            var soft = new SoftAssertions();
            soft.assertThat(PlannedJob.mismatches(ids, ended))
                    .as("jobs that did not end as their scripts say (seed %d)", seed).isEmpty();
            Map<String, Integer> attempts = AttemptObjects.attemptsOf(ended);
            Map<String, Integer> steps = AttemptObjects.stepsOf(ids);
            System.out.printf("[%s] jobs by number of steps: %s%n", instance, plan.stream()
                    .collect(java.util.stream.Collectors.groupingBy(PlannedJob::steps, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
            counted.forEach(stream -> checkOneObjectPerStep(stream, attempts, steps, soft));
            // Counted once every object's removal is in (above): the events before them are in too.
            int mostAtOnce = running.mostAtOnce(ids.values());
            System.out.printf("[%s] at most %d containers of the run at once (queue of %d)%n", instance, mostAtOnce,
                    QUEUE_LIMIT);
            soft.assertThat(mostAtOnce).as("containers running at once (seed %d)", seed)
                    .isLessThanOrEqualTo(QUEUE_LIMIT);
            soft.assertAll();
        } finally {
            running.close();
            for (Counted stream : counted) {
                stream.events().close();
            }
        }
    }

    private Map<PlannedJob, String> submitWhileKilling(BerthProcess berth, List<PlannedJob> plan, Random random)
            throws Exception {
        Instant deadline = Instant.now().plus(BURST);
        var submitter = new PersistentSubmitter(new JobsApi(client, berth.port()), image());
        var crasher = new Crasher(berth, new Random(seed + 1), submitter::stored, plan.size(), KILLS, deadline);
        ExecutorService killing = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> kills = killing.submit(crasher);
            Map<PlannedJob, String> ids = new LinkedHashMap<>();
            for (PlannedJob job : plan) {
                ids.put(job, submitter.submit(job, deadline));
                Pause.millis(random.nextInt(300));
            }
            List<String> done = kills.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
            done.forEach(kill -> System.out.printf("[%s] %s%n", instance, kill));
            System.out.printf("[%s] %d submissions found their job already stored on retry%n", instance,
                    submitter.foundStoredOnRetry());
            assertThat(done).as("kills carried out").hasSize(KILLS);
            return ids;
        } finally {
            killing.shutdownNow();
        }
    }

    private void checkOneObjectPerStep(Counted stream, Map<String, Integer> attempts, Map<String, Integer> steps,
                                       SoftAssertions soft) {
        try {
            stream.events().awaitRemovalOfEverythingCreated(BURST);
        } catch (AssertionError incomplete) {
            soft.fail("%s (seed %d): %s", stream.what(), seed, incomplete.getMessage());
            return;
        }
        var created = stream.events().created();
        System.out.printf("[%s] %s: objects created per step of an attempt → number of steps: %s%n", instance,
                stream.what(), AttemptObjects.histogram(created, attempts));
        soft.assertThat(AttemptObjects.violations(created, attempts, steps, stream.onlyThisRun()))
                .as("%s per step of a job attempt, from the engine's events (seed %d)", stream.what(), seed).isEmpty();
    }
}
