package dev.berth.core;

import static dev.berth.support.Jobs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.Jobs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What follows a finished attempt, with a fixed clock. */
class AttemptEndingTest {
    private static final Lifecycle LIFECYCLE = new Lifecycle(Duration.ofSeconds(10), Duration.ofMinutes(6),
            Duration.ofHours(1), Duration.ofSeconds(10));

    @Test
    void aFailedAttemptWithRetriesLeftWaitsPendingForItsBackOff() {
        Job job = withPolicy(new Policy(2, null, null, null), 1);

        StatusChange change = AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE);

        assertThat(change.status().phase()).isEqualTo(Phase.Pending);
        assertThat(change.status().reason()).isEqualTo(Reason.BackOff);
        assertThat(change.status().nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(change.attempt().number()).isEqualTo(1);
        assertThat(change.attempt().exitCode()).isEqualTo(3);
        assertThat(change.status().exitCode()).isEqualTo(3);
        assertThat(change.status().expiresAt()).isNull();
        assertThat(change.events()).extracting(e -> e.reason()).containsExactly(Reason.BackOff);
    }

    @Test
    void theSecondRetryWaitsTwiceAsLong() {
        Job job = withPolicy(new Policy(2, null, null, null), 2);

        assertThat(AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE).status().nextAttemptAt())
                .isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void whenRetriesRunOutTheJobFailsWithBackoffLimitExceededAndTheLastExitCode() {
        Job job = withPolicy(new Policy(2, null, null, null), 3);

        JobStatus status = AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE).status();

        assertThat(status.phase()).isEqualTo(Phase.Failed);
        assertThat(status.reason()).isEqualTo(Reason.BackoffLimitExceeded);
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void onlyListedExitCodesAreRetried() {
        Job job = withPolicy(new Policy(3, List.of(3), null, null), 1);

        assertThat(AttemptEnding.apply(job, failedWith(job, 4), NOW, LIFECYCLE).status().reason())
                .isEqualTo(Reason.NonZeroExit);
        assertThat(AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE).status().reason())
                .isEqualTo(Reason.BackOff);
    }

    @Test
    void withoutAPolicyAFailureIsFinalAndKeepsItsReason() {
        Job job = withPolicy(Policy.DEFAULT, 1);

        assertThat(AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE).status().reason())
                .isEqualTo(Reason.NonZeroExit);
    }

    @Test
    void aCancelledJobEndsCancelledEvenWhenItsAttemptFailed() {
        Job job = withPolicy(new Policy(5, null, null, null), 1);
        Job cancelled = job.withStatus(job.status());
        cancelled = new Job(cancelled.id(), null, cancelled.labels(), 2, cancelled.spec().withDesired(Desired.Cancel),
                cancelled.status(), cancelled.attempt(), cancelled.version());

        JobStatus status = AttemptEnding.apply(cancelled, failedWith(cancelled, 137), NOW, LIFECYCLE).status();

        assertThat(status.phase()).isEqualTo(Phase.Cancelled);
        assertThat(status.exitCode()).isEqualTo(137);
    }

    @Test
    void aPolicyTtlOverridesTheServerDefault() {
        Job job = withPolicy(new Policy(null, null, null, 30L), 1);

        assertThat(AttemptEnding.apply(job, failedWith(job, 1), NOW, LIFECYCLE).status().expiresAt())
                .isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void anAttemptLostWithItsNodeRunsAgainAtOnceWithoutUsingTheBackoffLimit() {
        Job job = withPolicy(Policy.DEFAULT, 1);

        StatusChange change = AttemptEnding.apply(job, lostWithNode(job), NOW, LIFECYCLE);

        assertThat(change.status().phase()).isEqualTo(Phase.Pending);
        assertThat(change.status().reason()).isEqualTo(Reason.NodeLost);
        assertThat(change.status().nextAttemptAt()).isNull();
        assertThat(change.status().nodeLosses()).isEqualTo(1);
        assertThat(change.status().message()).isEqualTo("attempt 1 was lost (node w2 is down); attempt 2 launches"
                + " now (node loss 1 of at most 3)");
        assertThat(change.attempt().phase()).isEqualTo(Phase.Lost);
        assertThat(job.with(change).awaitsLaunch()).isTrue();
        assertThat(job.with(change).currentAttempt()).isEqualTo(2);
    }

    @Test
    void aJobThatLosesItsNodeOnceMoreThanAllowedFailsNodeLost() {
        Job job = withLosses(withPolicy(new Policy(5, null, null, null), 4), 3);

        JobStatus status = AttemptEnding.apply(job, lostWithNode(job), NOW, LIFECYCLE).status();

        assertThat(status.phase()).isEqualTo(Phase.Failed);
        assertThat(status.reason()).isEqualTo(Reason.NodeLost);
        assertThat(status.nodeLosses()).isEqualTo(4);
        assertThat(status.message()).endsWith("the job lost its node 4 times, reconciler.maxNodeLossRestarts is 3");
    }

    @Test
    void attemptsLostWithTheirNodeDoNotCountAgainstTheBackoffLimitOfLaterFailures() {
        // Attempts 1 and 2 were lost with their nodes; attempt 3 is the first that failed by itself.
        Job job = withLosses(withPolicy(new Policy(1, null, null, null), 3), 2);

        StatusChange change = AttemptEnding.apply(job, failedWith(job, 3), NOW, LIFECYCLE);

        assertThat(change.status().reason()).isEqualTo(Reason.BackOff);
        assertThat(change.status().nextAttemptAt()).as("the first retry's back-off").isEqualTo(NOW.plusSeconds(10));
    }

    private static Job withLosses(Job job, int losses) {
        JobStatus status = job.status();
        for (int i = 0; i < losses; i++) {
            status = status.withNodeLoss();
        }
        return job.withStatus(status);
    }

    private static Attempt lostWithNode(Job job) {
        return job.attempt().withPhase(Phase.Lost, Reason.NodeLost, "node w2 is down").withEnd(null, NOW);
    }

    private static Job withPolicy(Policy policy, int attempt) {
        var spec = new dev.berth.core.JobSpec("img:1", List.of("true"), null, null, null, null, null, null, policy,
                null, null);
        Job running = Jobs.running("a", "c1", spec);
        JobStatus status = running.status();
        for (int i = 1; i < attempt; i++) {
            status = status.withNewAttempt(1, "again");
        }
        Attempt current = new Attempt(attempt, Phase.Running, Reason.Started, "running", Backend.CONTAINER, null,
                null, NOW.minusSeconds(5), null, null, running.attempt().steps());
        return new Job("a", null, null, 1, spec, status.withPhase(Phase.Running, Reason.Started, "running"), current, 3);
    }

    private static Attempt failedWith(Job job, int exitCode) {
        return job.attempt().withPhase(Phase.Failed, Reason.NonZeroExit, "exited with code " + exitCode)
                .withEnd(exitCode, NOW);
    }
}
