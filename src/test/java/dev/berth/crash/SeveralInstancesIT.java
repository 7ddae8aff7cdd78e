package dev.berth.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.support.BerthProcess;
import dev.berth.support.DockerClients;
import dev.berth.support.JobsApi;
import dev.berth.support.ObjectEvents;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import dev.berth.support.TestStore;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three Berth processes of one instance on one PostgreSQL database and one engine. A burst of jobs
 * is submitted to all three in turn; meanwhile the leader is SIGKILLed three times (and started
 * again each time), and then paused with SIGSTOP past its lease and resumed, twice (or
 * -Dberth.instances.pauses times). Every job must end as its script says, the engine's events must
 * show exactly one container per step of a job attempt, another member must lead within the lease
 * timeout of each kill, and a paused leader must not lead once it wakes. The seed is printed;
 * -Dberth.crash.seed=N replays the plan.
 */
class SeveralInstancesIT {
    private static final int JOBS = Integer.getInteger("berth.instances.jobs", 120);
    private static final int MEMBERS = 3;
    private static final int KILLS = 3;
    private static final int PAUSES = Integer.getInteger("berth.instances.pauses", 2);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration BURST = Duration.ofMinutes(6);

    private final String instance = TestEngine.newInstanceId();
    private final long seed = Long.getLong("berth.crash.seed", System.nanoTime());
    private final Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS).build();
    private final DockerClient streams = DockerClients.streams(TestEngine.HOST);
    private final List<BerthProcess> members = new ArrayList<>();

    @BeforeEach
    void needsPostgres() {
        Assumptions.assumeTrue(TestStore.postgresGiven(), "no PostgreSQL server given (berth.postgres)");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (BerthProcess member : members) {
            member.resume(); // in case the test stopped while it was paused
            member.close();
        }
        TestEngine.removeAllOf(instance);
        client.close();
        streams.close();
    }

    @Test
    void jobsSubmittedToAllMembersEndRightWithOneContainerEachThoughTheLeaderIsKilledAndPaused() throws Exception {
        System.out.printf("[%s] seed %d, %d jobs, %d members, %d kills, %d pauses%n", instance, seed, JOBS, MEMBERS,
                KILLS, PAUSES);
        Random random = new Random(seed);
        Map<String, String> settings = new HashMap<>(TestStore.postgresSettings(instance));
        settings.putAll(Map.of("reconciler.leaseTimeout", LEASE.toSeconds() + "s", "queues.default.maxRunning", "8",
                "auth.bootstrapTokenFile", sharedTokenFile()));
        for (int i = 0; i < MEMBERS; i++) {
            Map<String, String> overrides = new LinkedHashMap<>(settings);
            overrides.putAll(Map.of("reconciler.instanceId", instance, "reconciler.interval", "200ms",
                    "docker.swarmMode", "false", "docker.host", TestEngine.HOST));
            String name = instance + "-m" + i;
            members.add(new BerthProcess(name, BerthProcess.directoryOf(name), overrides));
        }
        List<PlannedJob> plan = PlannedJob.batch("multi-" + instance, JOBS, random, 0, 9, 2);
        ObjectEvents created = ObjectEvents.containers(streams, instance, Instant.now());
        try {
            for (BerthProcess member : members) {
                member.start(STARTUP);
            }
            client.register(members.get(0).adminToken());
            int first = awaitLeader(-1, STARTUP);
            System.out.printf("[%s] member %d leads%n", instance, first);
            for (int i = 0; i < MEMBERS; i++) {
                assertThat(info(i).path("instanceId").asText()).isEqualTo(instance);
                assertThat(info(i).path("member").asText()).as("member %d's name", i).isNotBlank();
            }

            List<PersistentSubmitter> submitters = new ArrayList<>();
            members.forEach(member -> submitters.add(new PersistentSubmitter(new JobsApi(client, member.port()),
                    TestEngine.IMAGE)));
            Instant deadline = Instant.now().plus(BURST);
            ExecutorService disruptor = Executors.newSingleThreadExecutor();
            Map<PlannedJob, String> ids = new LinkedHashMap<>();
            try {
                Future<List<String>> disruptions = disruptor.submit(() -> disrupt(submitters, created, deadline));
                for (int i = 0; i < plan.size(); i++) {
                    ids.put(plan.get(i), submitters.get(i % MEMBERS).submit(plan.get(i), deadline));
                    Pause.millis(random.nextInt(150));
                }
                List<String> done = disruptions.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
                done.forEach(line -> System.out.printf("[%s] %s%n", instance, line));
            } finally {
                disruptor.shutdownNow();
            }

            Map<String, JsonNode> ended = FinalStates.await(api(awaitLeader(-1, STARTUP)), ids.values(), BURST);
            var soft = new SoftAssertions();
            soft.assertThat(PlannedJob.mismatches(ids, ended))
                    .as("jobs that did not end as their scripts say (seed %d)", seed).isEmpty();
            Map<String, Integer> attempts = AttemptObjects.attemptsOf(ended);
            Map<String, Integer> steps = AttemptObjects.stepsOf(ids);
            created.awaitRemovalOfEverythingCreated(BURST);
            System.out.printf("[%s] containers created per step of an attempt → number of steps: %s%n", instance,
                    AttemptObjects.histogram(created.created(), attempts));
            soft.assertThat(AttemptObjects.violations(created.created(), attempts, steps, true))
                    .as("containers per step of a job attempt, from the engine's events (seed %d)", seed).isEmpty();
            soft.assertAll();
        } finally {
            created.close();
        }
    }

    /**
     * With passes an hour apart, a job submitted to a member that does not lead still runs at once:
     * only the member's notice (PostgreSQL's NOTIFY) can have woken the leader.
     */
    /** The members share one database, so the first admin token is one of them all: one file for it. */
    private String sharedTokenFile() {
        return BerthProcess.directoryOf(instance).toAbsolutePath().resolve("admin.token").toString();
    }

    @Test
    void aJobSubmittedToAFollowerWakesTheLeader() {
        for (int i = 0; i < 2; i++) {
            Map<String, String> overrides = new LinkedHashMap<>(TestStore.postgresSettings(instance));
            overrides.putAll(Map.of("reconciler.instanceId", instance, "reconciler.interval", "1h",
                    "reconciler.leaseTimeout", LEASE.toSeconds() + "s", "docker.swarmMode", "false",
                    "docker.host", TestEngine.HOST, "auth.bootstrapTokenFile", sharedTokenFile()));
            String name = instance + "-w" + i;
            members.add(new BerthProcess(name, BerthProcess.directoryOf(name), overrides));
            members.get(i).start(STARTUP);
        }
        client.register(members.get(0).adminToken());
        int leader = awaitLeader(-1, STARTUP);
        JobsApi follower = api(1 - leader);

        String id = follower.submitJson(new PlannedJob("wake-" + instance, 0, 3, 1).manifest(TestEngine.IMAGE));

        JsonNode job = follower.awaitTerminal(id, Duration.ofSeconds(60));
        assertThat(job.path("status").path("exitCode").asInt()).as("the job's exit code: %s", job).isEqualTo(3);
    }

    /**
     * The kills, spread over the burst, then the pause. Each kill: the member that leads is killed,
     * another must lead (the time it took is printed; the test allows three lease timeouts, so that
     * a slow machine does not fail it), and the killed one is started again. The pause: the leader is stopped for twice the lease,
     * another takes over meanwhile, and the paused one, resumed, creates no container any more (the
     * engine's events, by their berth.member label and time).
     */
    private List<String> disrupt(List<PersistentSubmitter> submitters, ObjectEvents created, Instant deadline) {
        List<String> done = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            awaitStored(submitters, JOBS * kill / (KILLS + 2), deadline);
            int leader = awaitLeader(-1, STARTUP);
            members.get(leader).kill();
            Instant killed = Instant.now();
            int next = awaitLeader(leader, LEASE.multipliedBy(3));
            long failover = Duration.between(killed, Instant.now()).toMillis();
            done.add("kill " + kill + ": member " + leader + " killed, member " + next + " led " + failover
                    + " ms later (lease " + LEASE.toMillis() + " ms)");
            members.get(leader).start(STARTUP);
        }
        awaitStored(submitters, JOBS * (KILLS + 1) / (KILLS + 2), deadline);
        for (int pause = 1; pause <= PAUSES; pause++) {
            done.add(pauseTheLeader(pause, created));
        }
        return done;
    }

    /**
     * The leader is paused while it launches (a pause that lands between its lease check and its
     * create is what this looks for: each pause is one more chance to land there).
     */
    private String pauseTheLeader(int pause, ObjectEvents created) {
        int paused = awaitLeader(-1, STARTUP);
        BerthProcess member = members.get(paused);
        String name = info(paused).path("member").asText();
        member.suspend();
        int next;
        Instant resumed;
        try {
            next = awaitLeader(paused, LEASE.multipliedBy(3));
        } finally {
            member.resume();
            resumed = Instant.now();
        }
        // Its lease ticks ten times per timeout: give it two timeouts awake to act if it were to.
        Pause.millis(LEASE.toMillis() * 2);
        // Not asserted to be none: the engine's event is sent when a create ends, so a create the
        // engine received before the pause may end after it; that container is its step's only one,
        // which the test's end asserts for every step, with every job's outcome and the removals.
        List<ObjectEvents.Creation> creates = created.createdBy(name, resumed);
        assertThat(info(paused).path("leader").asBoolean()).as("the resumed member leads").isFalse();
        return "pause " + pause + ": member " + paused + " (" + name + ") paused; member " + next
                + " led meanwhile; the engine reported containers of the paused one created after it woke: " + creates;
    }

    private static void awaitStored(List<PersistentSubmitter> submitters, int stored, Instant deadline) {
        while (submitters.stream().mapToInt(PersistentSubmitter::stored).sum() < stored) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + stored + " jobs stored before the deadline");
            }
            Pause.millis(50);
        }
    }

    /** The one member that says it leads, other than {@code not}; fails after {@code within}. */
    private int awaitLeader(int not, Duration within) {
        Instant end = Instant.now().plus(within);
        while (true) {
            List<Integer> leaders = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                JsonNode info = i == not || !members.get(i).isAlive() ? null : infoOrNull(i);
                if (info != null && info.path("leader").asBoolean()) {
                    leaders.add(i);
                }
            }
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not one leader (other than member " + not + ") within " + within + ": "
                        + leaders);
            }
            Pause.millis(100);
        }
    }

    private JsonNode info(int member) {
        return api(member).getJson("/info");
    }

    private JsonNode infoOrNull(int member) {
        try {
            return info(member);
        } catch (ProcessingException | AssertionError down) {
            return null; // killed, or starting again
        }
    }

    private JobsApi api(int member) {
        return new JobsApi(client, members.get(member).port());
    }
}
