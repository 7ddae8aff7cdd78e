package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.core.JobIds;
import dev.berth.docker.BerthLabels;
import dev.berth.support.AdminApi;
import dev.berth.support.BerthTestApp;
import dev.berth.support.DockerClients;
import dev.berth.support.AttemptStep;
import dev.berth.support.ObjectEvents;
import dev.berth.support.Pause;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5: a running object with this instance's labels but no job record (an orphan) is removed
 * once older than reconciler.orphanGrace; an object of another instance is never touched. Auto
 * cleanup is off because it removes an unclaimed container that is not running at once: a pass that
 * listed a test container between its create and its start would remove it that way, not as an orphan.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OrphanObjectsTest {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final String OTHER_INSTANCE = TestEngine.newInstanceId();
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            ConfigOverride.config("reconciler.orphanGrace", GRACE.toSeconds() + "s"),
            ConfigOverride.config("docker.autoCleanup", "false"));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
        TestEngine.removeAllOf(OTHER_INSTANCE);
    }

    @Test
    void anOrphanOfThisInstanceIsRemovedOnceOlderThanTheGrace() throws Exception {
        try (DockerClient streams = DockerClients.streams(TestEngine.HOST);
             ObjectEvents events = ObjectEvents.containers(streams, INSTANCE, Instant.now())) {
            AttemptStep orphan = unknownAttemptStep();
            String id = runSleepingContainer(INSTANCE, orphan);
            Instant created = Instant.parse(TestEngine.docker().inspectContainerCmd(id).exec().getCreated());

            Instant removed = awaitRemoval(events, orphan);

            assertThat(exists(id)).isFalse();
            // Berth sees creation times in whole seconds (the engine's listing), so up to 1 s less grace.
            assertThat(removed).as("removed no sooner than the grace after its creation at %s", created)
                    .isAfterOrEqualTo(created.plus(GRACE).minusSeconds(1));
        }
    }

    @Test
    void anObjectOfAnotherInstanceIsLeftAlonePassAfterPass() {
        String foreign = runSleepingContainer(OTHER_INSTANCE, unknownAttemptStep());
        try {
            // The control: an orphan of this instance, created alongside, is removed by the same passes.
            awaitGone(runSleepingContainer(INSTANCE, unknownAttemptStep()));
            new AdminApi(APP.client(), APP.getAdminPort()).awaitPasses(5, DEADLINE);

            var state = TestEngine.docker().inspectContainerCmd(foreign).exec().getState();
            assertThat(state.getRunning()).as("the other instance's container still runs").isTrue();
        } finally {
            TestEngine.docker().removeContainerCmd(foreign).withForce(true).exec();
        }
    }

    /** An attempt of a job id no record has. */
    private static AttemptStep unknownAttemptStep() {
        return new AttemptStep(new JobIds(Clock.systemUTC()).next(), 1);
    }

    /** A container as a Berth instance would have made it for the attempt, started. */
    private static String runSleepingContainer(String instance, AttemptStep attempt) {
        String id = TestEngine.docker().createContainerCmd(TestEngine.IMAGE)
                .withName(BerthLabels.objectName(attempt.jobId(), attempt.attempt()))
                .withLabels(BerthLabels.of(instance, attempt.jobId(), attempt.attempt()))
                .withCmd("sleep", "300").exec().getId();
        TestEngine.docker().startContainerCmd(id).exec();
        return id;
    }

    private static Instant awaitRemoval(ObjectEvents events, AttemptStep attempt) {
        Instant end = Instant.now().plus(DEADLINE);
        Optional<Instant> removed = events.removedAt(attempt);
        while (removed.isEmpty() && Instant.now().isBefore(end)) {
            Pause.millis(100);
            removed = events.removedAt(attempt);
        }
        return removed.orElseThrow(() -> new AssertionError(attempt + " still there after " + DEADLINE));
    }

    private static void awaitGone(String containerId) {
        Instant end = Instant.now().plus(DEADLINE);
        while (exists(containerId)) {
            assertThat(Instant.now()).as("orphan %s removed", containerId).isBefore(end);
            Pause.millis(100);
        }
    }

    private static boolean exists(String containerId) {
        try {
            TestEngine.docker().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }
}
