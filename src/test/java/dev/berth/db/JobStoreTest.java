package dev.berth.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.JobRecord;
import dev.berth.core.JobSpec;
import dev.berth.core.JobEvent;
import dev.berth.core.JobIds;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.StatusChange;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.support.Jobs;
import dev.berth.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real H2 file with the real changelog. */
class JobStoreTest {
    private final JobIds ids = new JobIds(Clock.systemUTC());
    private JobStore store;

    @BeforeEach
    void createDatabase(@TempDir Path dir) {
        store = TestDatabase.store(dir);
    }

    @Test
    void aCreatedJobReadsBackAsStored() {
        Job job = job("nightly", Map.of("team", "mri"));
        store.create(job, submitted());

        Job read = store.find(job.id()).orElseThrow();

        assertThat(read.spec()).isEqualTo(job.spec());
        assertThat(read.labels()).isEqualTo(Map.of("team", "mri"));
        assertThat(read.status().phase()).isEqualTo(Phase.Pending);
        assertThat(store.findByName("nightly")).map(record -> record.job().id()).contains(job.id());
        assertThat(store.events(job.id())).extracting(JobEvent::reason).containsExactly(Reason.Submitted);
    }

    @Test
    void aSecondJobWithTheSameNameIsRefusedAndNotStored() {
        store.create(job("same", Map.of()), submitted());

        assertThatThrownBy(() -> store.create(job("same", Map.of()), submitted())).isInstanceOf(NameTakenException.class);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aStatusWriteBasedOnAStaleReadIsRejected() {
        Job job = job(null, Map.of());
        store.create(job, submitted());
        Job read = store.find(job.id()).orElseThrow();
        JobStatus launching = read.status().withNewAttempt(1, "creating");
        Attempt attempt = Attempt.launching(1, Backend.CONTAINER, List.of("main"), "creating");
        ResolvedSpec resolved = new ResolvedSpec("img:1", List.of("true"), null, Map.of(), null, null, List.of(), null);

        boolean first = store.recordStatus(read, read.with(new StatusChange(launching, attempt, List.of())), resolved,
                List.of(), null, 1);
        boolean stale = store.recordStatus(read, read.withStatus(launching.withPhase(Phase.Failed, Reason.Lost, "x")),
                null, List.of(), null, 2);

        assertThat(first).isTrue();
        assertThat(stale).isFalse();
        Job now = store.find(job.id()).orElseThrow();
        assertThat(now.status().phase()).isEqualTo(Phase.Launching);
        assertThat(now.attempt()).isEqualTo(attempt);
        assertThat(now.version()).isEqualTo(read.version() + 1);
        assertThat(store.findRecord(job.id()).orElseThrow().resolved()).isEqualTo(resolved);
    }

    @Test
    void everyAttemptKeepsItsStepsAndEachStreamOfTheirOutput() {
        Job job = job(null, Map.of());
        store.create(job, submitted());
        Job read = store.find(job.id()).orElseThrow();
        for (int number = 1; number <= 2; number++) {
            JobStatus launching = read.status().withNewAttempt(1, "creating");
            Attempt attempt = Attempt.launching(number, Backend.CONTAINER, List.of("prepare", "main"), "creating");
            Step prepared = attempt.step(0).withPhase(Phase.Succeeded, Reason.Completed, "exited with code 0")
                    .withIds("c" + number, null, null, null).withRun(0, Jobs.NOW, Jobs.NOW);
            var output = new StepOutput(new CapturedLog("out " + number + "\n", 0), new CapturedLog("err\n", 3));
            Job next = read.with(new StatusChange(launching, attempt.withStep(prepared), List.of()));
            assertThat(store.recordStatus(read, next, null, List.of(), new JobStore.Captured(0, output), 5)).isTrue();
            read = store.find(job.id()).orElseThrow();
        }

        assertThat(store.attempts(job.id())).extracting(Attempt::number).containsExactly(1, 2);
        assertThat(store.attempts(job.id()).get(0).steps()).extracting(Step::name, Step::containerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prepare", "c1"),
                        org.assertj.core.groups.Tuple.tuple("main", null));
        assertThat(read.attempt().number()).isEqualTo(2);
        StepOutput first = store.output(job.id(), 1).get(0);
        assertThat(first.stdout()).isEqualTo(new CapturedLog("out 1\n", 0));
        assertThat(first.stderr()).isEqualTo(new CapturedLog("err\n", 3));
        assertThat(store.output(job.id(), 2).get(0).stdout().text()).isEqualTo("out 2\n");
        assertThat(store.output(job.id(), 2)).doesNotContainKey(1);
    }

    @Test
    void eventsAreWrittenWithTheStatus() {
        Job job = job(null, Map.of());
        store.create(job, submitted());
        Job read = store.find(job.id()).orElseThrow();
        var done = new JobEvent(Jobs.NOW, JobEvent.EventType.Normal, Phase.Succeeded, Reason.Completed, "exited with code 0", 1);

        store.recordStatus(read, read.withStatus(read.status().withPhase(Phase.Succeeded, Reason.Completed, "ok")),
                null, List.of(done), null, 5);

        assertThat(store.events(job.id())).extracting(JobEvent::phase).containsExactly(Phase.Pending, Phase.Succeeded);
        assertThat(store.launched()).isEmpty();
        assertThat(store.queueHeads(JobSpec.DEFAULT_QUEUE, 10, Jobs.NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void listingsFilterByPhaseAndEveryLabelAndPageNewestFirst() {
        Job a = job(null, Map.of("team", "mri", "tier", "gold"));
        Job b = job(null, Map.of("team", "mri"));
        Job c = job(null, Map.of("team", "pet"));
        for (Job job : List.of(a, b, c)) {
            store.create(job, submitted());
        }

        assertThat(ids(store.page(new JobQuery(null, Map.of("team", "mri"), null, 10)).items())).containsExactly(b.id(), a.id());
        assertThat(ids(store.page(new JobQuery(null, Map.of("team", "mri", "tier", "gold"), null, 10)).items()))
                .containsExactly(a.id());
        assertThat(store.page(new JobQuery("Running", Map.of(), null, 10)).items()).isEmpty();

        var first = store.page(new JobQuery("Pending", Map.of(), null, 2));
        assertThat(ids(first.items())).containsExactly(c.id(), b.id());
        var second = store.page(new JobQuery("Pending", Map.of(), first.next(), 2));
        assertThat(ids(second.items())).containsExactly(a.id());
        assertThat(second.next()).isNull();
    }

    @Test
    void listingsFilterByQueue() {
        Job gpuFirst = inQueue("gpu");
        Job inDefault = inQueue("default");
        Job gpuSecond = inQueue("gpu");
        for (Job job : List.of(gpuFirst, inDefault, gpuSecond)) {
            store.create(job, submitted());
        }

        assertThat(ids(store.page(new JobQuery(null, Map.of(), null, 10, null, "gpu")).items()))
                .containsExactly(gpuSecond.id(), gpuFirst.id());
        assertThat(ids(store.page(new JobQuery("Pending", Map.of(), null, 10, null, "default")).items()))
                .containsExactly(inDefault.id());
        assertThat(store.page(new JobQuery(null, Map.of(), null, 10, null, "none")).items()).isEmpty();
    }

    private Job inQueue(String queue) {
        return new Job(ids.next(), null, Map.of(), 1, Jobs.spec().withQueue(queue, 0), JobStatus.submitted(Jobs.NOW), 0);
    }

    private Job job(String name, Map<String, String> labels) {
        return new Job(ids.next(), name, labels, 1, Jobs.spec(), JobStatus.submitted(Jobs.NOW), 0);
    }

    private static JobEvent submitted() {
        return new JobEvent(Jobs.NOW, JobEvent.EventType.Normal, Phase.Pending, Reason.Submitted, "accepted", 1);
    }

    private static List<String> ids(List<JobRecord> jobs) {
        return jobs.stream().map(record -> record.job().id()).toList();
    }
}
