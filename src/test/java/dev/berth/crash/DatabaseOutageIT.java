package dev.berth.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.support.AdminApi;
import dev.berth.support.BerthProcess;
import dev.berth.support.DockerClients;
import dev.berth.support.JobsApi;
import dev.berth.support.ObjectEvents;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import dev.berth.support.TestStore;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for ten seconds under two running Berth processes, with jobs running: the
 * processes stay up, a submission meanwhile is a 503 that says why (and stores nothing), the
 * containers run on, and once the database is back every job ends as its script says, with one
 * container per job attempt. It stops and starts the cluster of scripts/lib/postgres.sh, so it runs
 * only on that one (berth.postgresOwn, set by scripts/test), never on a server it was merely given.
 */
class DatabaseOutageIT {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final String instance = TestEngine.newInstanceId();
    private final Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS).build();
    private final DockerClient streams = DockerClients.streams(TestEngine.HOST);
    private final List<BerthProcess> members = new ArrayList<>();

    @BeforeEach
    void needsOwnPostgres() {
        Assumptions.assumeTrue(TestStore.postgresGiven() && Boolean.getBoolean("berth.postgresOwn"),
                "needs the PostgreSQL cluster of scripts/lib/postgres.sh (berth.postgresOwn)");
    }

    @AfterEach
    void cleanUp() throws Exception {
        postgres("ensure_postgres"); // whatever happened, the cluster runs again for the tests after this one
        members.forEach(BerthProcess::close);
        TestEngine.removeAllOf(instance);
        client.close();
        streams.close();
    }

    @Test
    void jobsRunOnAndEndRightThroughADatabaseOutageWhileSubmissionsGetA503() throws Exception {
        Map<String, String> settings = new HashMap<>(TestStore.postgresSettings(instance));
        settings.putAll(Map.of("reconciler.instanceId", instance, "reconciler.interval", "200ms",
                "reconciler.leaseTimeout", LEASE.toSeconds() + "s", "docker.swarmMode", "false",
                "docker.host", TestEngine.HOST));
        // The members share one database, so the first admin token is one of them all: one file for it.
        settings.put("auth.bootstrapTokenFile",
                BerthProcess.directoryOf(instance).toAbsolutePath().resolve("admin.token").toString());
        for (int i = 0; i < 2; i++) {
            String name = instance + "-m" + i;
            members.add(new BerthProcess(name, BerthProcess.directoryOf(name), settings));
        }
        ObjectEvents created = ObjectEvents.containers(streams, instance, Instant.now());
        try {
            for (BerthProcess member : members) {
                member.start(DEADLINE);
            }
            client.register(members.get(0).adminToken());
            // Each runs some 12 to 14 s: through the whole outage, and ending during it or after.
            List<PlannedJob> plan = PlannedJob.batch("outage-" + instance, 6, new Random(), 120, 140, 1);
            Map<PlannedJob, String> ids = new LinkedHashMap<>();
            for (int i = 0; i < plan.size(); i++) {
                ids.put(plan.get(i), api(i % 2).submitJson(plan.get(i).manifest(TestEngine.IMAGE)));
            }
            for (String id : ids.values()) {
                api(0).awaitPhase(id, Set.of("Running"), DEADLINE);
            }

            postgres("stop_postgres");
            Instant stopped = Instant.now();
            var soft = new SoftAssertions();
            for (int i = 0; i < members.size(); i++) {
                try (var response = api(i).submit(plan.get(0).manifest(TestEngine.IMAGE).replace("outage-",
                        "refused-"), MediaType.APPLICATION_JSON)) {
                    String body = response.readEntity(String.class);
                    soft.assertThat(response.getStatus()).as("a submission to member %d during the outage: %s", i,
                            body).isEqualTo(503);
                    soft.assertThat(body).contains("the database cannot be reached").doesNotContain("Exception");
                }
                soft.assertThat(api(i).status("/jobs/" + ids.values().iterator().next()))
                        .as("a read from member %d during the outage", i).isEqualTo(503);
                soft.assertThat(new AdminApi(client, members.get(i).adminPort()).check("database")
                        .path("healthy").asBoolean()).as("member %d's database check", i).isFalse();
            }
            Pause.millis(Math.max(0, OUTAGE.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
            for (int i = 0; i < members.size(); i++) {
                soft.assertThat(members.get(i).isAlive()).as("member %d after the outage", i).isTrue();
            }
            soft.assertThat(runningContainers()).as("containers still running as the database returns")
                    .isPositive();
            postgres("ensure_postgres");

            Map<String, JsonNode> ended = FinalStates.await(api(0), ids.values(), DEADLINE);
            soft.assertThat(PlannedJob.mismatches(ids, ended)).as("jobs that did not end as their scripts say")
                    .isEmpty();
            soft.assertThat(api(1).getJson("/jobs?limit=100").path("items").size())
                    .as("jobs stored: those acknowledged, none of the refused").isEqualTo(ids.size());
            created.awaitRemovalOfEverythingCreated(DEADLINE);
            soft.assertThat(AttemptObjects.violations(created.created(), AttemptObjects.attemptsOf(ended),
                    AttemptObjects.stepsOf(ids), true)).as("containers per job attempt").isEmpty();
            soft.assertAll();
        } finally {
            created.close();
        }
    }

    private long runningContainers() {
        return TestEngine.docker().listContainersCmd()
                .withLabelFilter(Map.of("berth.instance", instance)).exec().size();
    }

    private JobsApi api(int member) {
        return new JobsApi(client, members.get(member).port());
    }

    /** Runs a function of scripts/lib/postgres.sh (as scripts/test set it up: its defaults). */
    private static void postgres(String function) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "source scripts/lib/postgres.sh && " + function)
                .inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(function + " failed");
        }
    }
}
