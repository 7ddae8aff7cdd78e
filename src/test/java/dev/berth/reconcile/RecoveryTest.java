package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerResponse;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobIds;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.ResolvedSpec;
import dev.berth.db.JobStore;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerJavaGateway;
import dev.berth.docker.DockerSettings;
import dev.berth.support.TestDatabase;
import dev.berth.support.TestEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states a crashed Berth can leave behind, recreated on the real engine, and what one reconcile
 * pass makes of them: never a second container for the same attempt.
 */
class RecoveryTest {
    private final String instance = TestEngine.newInstanceId();
    private final Clock clock = Clock.systemUTC();
    private JobStore store;
    private Reconciler reconciler;
    private DockerJavaGateway gateway;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        store = TestDatabase.store(dir);
        gateway = new DockerJavaGateway(new DockerSettings(TestEngine.HOST, false, Duration.ofSeconds(30),
                Duration.ofMinutes(1)), instance, clock);
        reconciler = new Reconciler(store, gateway, new Planner(Backend.CONTAINER, true),
                new dev.berth.jobs.SpecResolver(null),
                new ReconcilerSettings(instance, true, 65536), clock);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestEngine.removeAllOf(instance);
        gateway.close();
    }

    @Test
    void aContainerCreatedBeforeTheStatusWriteIsAdoptedNotCreatedAgain() {
        Job job = storedJob();
        String existing = createContainer(job, "echo adopted; exit 0").getId();

        passUntilTerminal(job.id());

        Job done = store.find(job.id()).orElseThrow();
        assertThat(done.status().phase()).isEqualTo(Phase.Succeeded);
        assertThat(done.attempt().step(0).containerId()).isEqualTo(existing);
        assertThat(logs(job.id())).contains("adopted");
    }

    @Test
    void aContainerThatAlreadyRanIsAdoptedAndNeverStartedASecondTime() throws Exception {
        Job job = storedJob();
        String existing = createContainer(job, "echo one run; exit 7").getId();
        TestEngine.docker().startContainerCmd(existing).exec();
        TestEngine.docker().waitContainerCmd(existing).start().awaitStatusCode();

        passUntilTerminal(job.id());

        Job done = store.find(job.id()).orElseThrow();
        assertThat(done.status().exitCode()).isEqualTo(7);
        assertThat(logs(job.id())).containsOnlyOnce("one run");
    }

    @Test
    void aJobLeftLaunchingWithoutAContainerIsLaunchedUnderTheSameAttempt() {
        Job job = storedJob();
        Job read = store.find(job.id()).orElseThrow();
        store.recordStatus(read, read.with(Transitions.launching(read, Backend.CONTAINER, "berth-x-1", Instant.now())),
                null, List.of(), null, clock.millis());

        passUntilTerminal(job.id());

        Job done = store.find(job.id()).orElseThrow();
        assertThat(done.status().phase()).isEqualTo(Phase.Succeeded);
        assertThat(done.status().attempts()).isEqualTo(1);
        assertThat(logs(job.id())).contains("ran");
    }

    @Test
    void aLaunchingJobWhoseContainerWasRemovedIsLost() {
        Job job = storedJob();
        reconciler.pass();
        String containerId = store.find(job.id()).orElseThrow().attempt().step(0).containerId();
        TestEngine.docker().removeContainerCmd(containerId).withForce(true).exec();

        reconciler.pass();

        Job lost = store.find(job.id()).orElseThrow();
        assertThat(lost.status().phase()).isEqualTo(Phase.Failed);
        assertThat(lost.status().reason()).isEqualTo(dev.berth.core.Reason.Lost);
        assertThat(lost.status().message()).contains(containerId);
    }

    private String logs(String id) {
        return store.output(id, store.find(id).orElseThrow().status().attempts()).get(0).text();
    }

    private Job storedJob() {
        var spec = new dev.berth.core.JobSpec(TestEngine.IMAGE, List.of("sh", "-c", "echo ran; sleep 1"), null,
                Map.of(), null, null, List.of(), null, null, null, null);
        Job job = new Job(new JobIds(clock).next(), null, Map.of(), 1, spec, JobStatus.submitted(Instant.now()), 0);
        store.create(job, new JobEvent(Instant.now(), JobEvent.EventType.Normal, Phase.Pending,
                dev.berth.core.Reason.Submitted, "accepted", 1));
        return job;
    }

    /** Berth got as far as creating (not starting) the container, then died. */
    private CreateContainerResponse createContainer(Job job, String script) {
        return TestEngine.docker().createContainerCmd(TestEngine.IMAGE)
                .withName(BerthLabels.objectName(job.id(), 1))
                .withLabels(BerthLabels.of(instance, job.id(), 1))
                .withCmd("sh", "-c", script).exec();
    }

    private void passUntilTerminal(String id) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!store.find(id).orElseThrow().isTerminal()) {
            assertThat(Instant.now()).as("job %s terminal within 60 s", id).isBefore(deadline);
            reconciler.pass();
            assertThat(TestEngine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("berth.job", id)).exec()).hasSizeLessThanOrEqualTo(1);
        }
    }
}
