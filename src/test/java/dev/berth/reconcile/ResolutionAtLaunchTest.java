package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.core.FromCommand;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobIds;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.db.CommandStore;
import dev.berth.db.JobStore;
import dev.berth.docker.DockerJavaGateway;
import dev.berth.docker.DockerSettings;
import dev.berth.jobs.CommandService;
import dev.berth.jobs.SpecResolver;
import dev.berth.support.TestCommands;
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

/** A job is resolved again at launch: a command deleted or changed since submission fails it, visibly. */
class ResolutionAtLaunchTest {
    private final String instance = TestEngine.newInstanceId();
    private final Clock clock = Clock.systemUTC();
    private JobStore store;
    private CommandService commands;
    private Reconciler reconciler;
    private DockerJavaGateway gateway;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        var jdbi = TestDatabase.create(dir);
        store = new JobStore(jdbi, TestDatabase.json());
        commands = new CommandService(new CommandStore(jdbi), TestDatabase.json(), clock);
        commands.register("shell", TestDatabase.json().readTree(TestCommands.shell("shell")));
        gateway = new DockerJavaGateway(new DockerSettings(TestEngine.HOST, false, Duration.ofSeconds(30),
                Duration.ofMinutes(1)), instance, clock);
        reconciler = new Reconciler(store, gateway, new Planner(Backend.CONTAINER, true), new SpecResolver(commands),
                new ReconcilerSettings(instance, true, 65536), clock);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestEngine.removeAllOf(instance);
        gateway.close();
    }

    @Test
    void aCommandDeletedBeforeLaunchFailsTheJob() {
        Job job = pendingShellJob();
        commands.delete("shell", null);

        reconciler.pass();

        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status().phase()).isEqualTo(Phase.Failed);
        assertThat(failed.status().reason()).isEqualTo(Reason.ResolutionFailed);
        assertThat(failed.status().message()).contains("no command named shell");
        assertThat(store.events(job.id())).extracting(JobEvent::reason).contains(Reason.ResolutionFailed);
    }

    @Test
    void aCommandChangedBeforeLaunchSoThatTheValuesNoLongerFitFailsTheJob() throws Exception {
        Job job = pendingShellJob();
        commands.register("shell", TestDatabase.json().readTree(
                TestCommands.shell("shell").replace("GREETING", "SALUTATION")));

        reconciler.pass();

        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status().reason()).isEqualTo(Reason.ResolutionFailed);
        assertThat(failed.status().message()).contains("GREETING");
    }

    private Job pendingShellJob() {
        var from = new FromCommand("shell", "", Map.of("GREETING", "hello"), Map.of(), List.of());
        var spec = new JobSpec(null, null, null, null, null, null, null, null, null, from, null);
        Job job = new Job(new JobIds(clock).next(), null, Map.of(), 1, spec, JobStatus.submitted(Instant.now()), 0);
        store.create(job, new JobEvent(Instant.now(), JobEvent.EventType.Normal, Phase.Pending, Reason.Submitted,
                "accepted", 1));
        return job;
    }
}
