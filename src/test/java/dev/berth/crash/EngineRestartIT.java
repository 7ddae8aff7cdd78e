package dev.berth.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.support.AdminApi;
import dev.berth.support.BerthProcess;
import dev.berth.support.DockerClients;
import dev.berth.support.JobsApi;
import dev.berth.support.TestEngine;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: an engine that goes away mid-run and comes back loses nothing. Berth runs from its jar
 * against the plain engine (berth.plainEngine), which this test stops and starts again; that engine
 * is not a swarm manager, so jobs run as containers. The jobs running when it stops are the point:
 * dockerd gives them their stop grace, and as PID 1 their shell ignores SIGTERM, so they still end
 * with their own exit codes, which Berth must find after the engine is back.
 */
class EngineRestartIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final String instance = TestEngine.newInstanceId();
    private final long seed = Long.getLong("berth.crash.seed", System.nanoTime());
    private final Path engineLog = BerthProcess.directoryOf(instance).resolve("plain-engine.log");
    private final Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS).build();
    private BerthProcess berth;
    private boolean engineStopped;

    @BeforeEach
    void requireThePlainEngine() {
        assumeTrue(!PlainEngine.HOST.isEmpty(), "needs the plain engine that scripts/test starts (berth.plainEngine)");
        try (DockerClient plain = DockerClients.calls(PlainEngine.HOST)) {
            plain.inspectImageCmd(TestEngine.IMAGE).exec();
        } catch (NotFoundException e) {
            throw new AssertionError(TestEngine.IMAGE + " is not on the plain engine: scripts/test loads it there");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (engineStopped) {
            PlainEngine.start(engineLog);
        }
        if (berth != null) {
            berth.close();
        }
        try (DockerClient plain = DockerClients.calls(PlainEngine.HOST)) {
            PlainContainers.removeAllOf(plain, instance);
        }
        client.close();
    }

    @Test
    void jobsFromBeforeDuringAndAfterAnEngineOutageAllEndRightWhileHealthGoesRedThenGreen() {
        System.out.printf("[%s] seed %d%n", instance, seed);
        Random random = new Random(seed);
        berth = BerthProcess.forInstance(instance, PlainEngine.HOST, false);
        berth.start(DEADLINE);
        client.register(berth.adminToken());
        var api = new JobsApi(client, berth.port());
        var admin = new AdminApi(client, berth.adminPort());
        admin.awaitCheck("docker", true, DEADLINE);

        // Two to five seconds each, so that some are running when the engine goes. All have started
        // first: a container the engine is still starting when it is told to stop is torn down (exit
        // code 2 here), which is the engine's doing and no test of Berth's; a running one is waited
        // for by the engine's shutdown and ends as its script says.
        Map<PlannedJob, String> jobs = JobWaits.submitAll(api, PlannedJob.batch(instance + "-before", 6, random, 20, 49, 1));
        JobWaits.awaitAllStarted(api, jobs.values(), DEADLINE);
        jobs.putAll(submitDuringAnOutage(api, admin, random));
        jobs.putAll(JobWaits.submitAll(api, PlannedJob.batch(instance + "-after", 5, random)));

        Map<String, JsonNode> ended = FinalStates.await(api, jobs.values(), DEADLINE);
        assertThat(PlannedJob.mismatches(jobs, ended))
                .as("jobs that did not end as their scripts say (seed %d)", seed).isEmpty();
    }

    /** Stops the engine, submits while it is down, and starts it again; the docker check follows. */
    private Map<PlannedJob, String> submitDuringAnOutage(JobsApi api, AdminApi admin, Random random) {
        stopTheEngine();
        JsonNode red = admin.awaitCheck("docker", false, DEADLINE);
        System.out.printf("[%s] engine stopped; docker check: %s%n", instance, red);
        assertThat(red.path("message").asText()).as("the docker check names the engine's error")
                .matches("engine unavailable: .*\\S.*");

        Map<PlannedJob, String> during = JobWaits.submitAll(api, PlannedJob.batch(instance + "-during", 5, random));
        during.values().forEach(id -> awaitPendingBecauseTheEngineIsUnavailable(api, id));

        startTheEngine();
        JsonNode green = admin.awaitCheck("docker", true, DEADLINE);
        System.out.printf("[%s] engine started; docker check: %s%n", instance, green);
        assertThat(green.path("message").asText()).startsWith("engine ");
        return during;
    }

    private static void awaitPendingBecauseTheEngineIsUnavailable(JobsApi api, String id) {
        JsonNode status = JobWaits.awaitReason(api, id, "EngineUnavailable", DEADLINE);
        assertThat(status.path("phase").asText()).as("job %s while the engine is down: %s", id, status)
                .isEqualTo("Pending");
        assertThat(status.path("reason").asText()).as("job %s while the engine is down: %s", id, status)
                .isEqualTo("EngineUnavailable");
    }

    private void stopTheEngine() {
        engineStopped = true;
        PlainEngine.stop(engineLog);
    }

    private void startTheEngine() {
        PlainEngine.start(engineLog);
        engineStopped = false;
    }
}
