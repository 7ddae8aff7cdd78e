package dev.berth.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobIds;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.support.Jobs;
import dev.berth.support.TestDatabase;
import dev.berth.support.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler's lease on a real store: who may take it when, and the fence that refuses the
 * writes of a holder that lost it. The members here share one database as separate processes would
 * (a lease of {@code Duration.ZERO} is one that has already expired: no test waits for a clock).
 */
class LeasesTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private Jdbi jdbi;
    private Leases leases;
    private JobStore store;
    private final List<LeaseToken> lost = new ArrayList<>();
    private volatile LeaseToken writingUnder;

    @BeforeEach
    void createDatabase(@TempDir Path dir) {
        jdbi = TestDatabase.create(dir);
        // As on a database server: several processes may share it. (The embedded-file case is below.)
        String url = TestStore.onPostgres() ? TestDatabase.url(dir) : "jdbc:h2:tcp://shared/" + dir;
        leases = new Leases(jdbi, SerialWrites.forUrl(url), "inst", url);
        store = new JobStore(jdbi, TestDatabase.json(), SerialWrites.forUrl(url),
                leases.fence(() -> writingUnder, lost::add));
    }

    @Test
    void theFirstMemberTakesTheLeaseAndNoOtherTakesItBeforeItExpires() {
        Optional<LeaseToken> a = leases.acquire("a", null, HOUR);

        assertThat(a).contains(new LeaseToken("a", 1));
        assertThat(leases.acquire("b", null, HOUR)).isEmpty();
        assertThat(leases.acquire("a", a.get(), HOUR)).as("renewed").contains(a.get());
        assertThat(leases.current()).map(LeaseRow::member).contains("a");
    }

    @Test
    void anExpiredLeaseGoesToTheNextMemberAtTheNextEpochAndTheOldHolderCannotRenewIt() {
        LeaseToken a = leases.acquire("a", null, Duration.ZERO).orElseThrow();

        LeaseToken b = leases.acquire("b", null, HOUR).orElseThrow();

        assertThat(b).isEqualTo(new LeaseToken("b", 2));
        assertThat(leases.acquire("a", a, HOUR)).isEmpty();
        assertThat(leases.holds(a)).isFalse();
        assertThat(leases.holds(b)).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        LeaseToken a = leases.acquire("a", null, HOUR).orElseThrow();

        leases.release(a);

        assertThat(leases.acquire("b", null, HOUR)).contains(new LeaseToken("b", 2));
    }

    @Test
    void onAnEmbeddedFileTheLeaseOfAnEarlierProcessIsTakenAtOnce(@TempDir Path dir) {
        Jdbi file = TestDatabase.create(dir);
        var embedded = new Leases(file, SerialWrites.oneAtATime(), "inst", "jdbc:h2:" + dir.resolve("berth"));
        embedded.acquire("killed-before", null, HOUR).orElseThrow();

        assertThat(embedded.acquire("restarted", null, HOUR)).contains(new LeaseToken("restarted", 2));
    }

    @Test
    void onAnEmbeddedFileTheFenceRefusesAWriteOnlyWhenThisProcessHoldsNoLease(@TempDir Path dir) {
        Jdbi file = TestDatabase.create(dir);
        var embedded = new Leases(file, SerialWrites.oneAtATime(), "inst", "jdbc:h2:" + dir.resolve("berth"));
        LeaseToken held = embedded.acquire("a", null, HOUR).orElseThrow();
        // Only a later start of this process could take it (the file is this process's alone); the
        // row is not read at each write, so even a row that names another member refuses nothing.
        embedded.acquire("later", null, HOUR).orElseThrow();

        file.useHandle(handle -> embedded.fence(() -> held, lost::add).check(handle));
        assertThatThrownBy(() -> file.useHandle(handle -> embedded.fence(() -> null, lost::add).check(handle)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(lost).isEmpty();
    }

    @Test
    void aStatusWriteUnderALostLeaseIsRefusedWritesNothingAndSaysSo() {
        Job job = pendingJob();
        LeaseToken a = leases.acquire("a", null, Duration.ZERO).orElseThrow();
        writingUnder = a;
        Job read = store.find(job.id()).orElseThrow();
        assertThat(store.recordStatus(read, launching(read), null, List.of(), null, 0)).as("under the lease").isTrue();

        leases.acquire("b", null, HOUR).orElseThrow();
        Job again = store.find(job.id()).orElseThrow();

        assertThatThrownBy(() -> store.recordStatus(again, failed(again), null, List.of(), null, 0))
                .isInstanceOf(LeaseLostException.class);
        assertThat(store.find(job.id()).orElseThrow().status().phase()).isEqualTo(Phase.Launching);
        assertThat(lost).containsExactly(a);
    }

    /**
     * PostgreSQL: a takeover that comes while a fenced write is in flight waits for it to commit,
     * so the write is never one the new holder cannot see.
     */
    @Test
    void aTakeoverWaitsForAFencedWriteInFlight() throws Exception {
        Assumptions.assumeTrue(TestStore.onPostgres(), "FOR SHARE is PostgreSQL's");
        LeaseToken a = leases.acquire("a", null, Duration.ZERO).orElseThrow();
        var fenced = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> jdbi.useTransaction(handle -> {
            leases.fence(() -> a, lost::add).check(handle);
            fenced.countDown();
            await(commit);
        }));
        assertThat(fenced.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Optional<LeaseToken>> takeover = CompletableFuture.supplyAsync(
                () -> leases.acquire("b", null, HOUR));
        Thread.sleep(500);
        assertThat(takeover).as("the takeover, while the write is open").isNotDone();
        commit.countDown();

        write.get(30, TimeUnit.SECONDS);
        assertThat(takeover.get(30, TimeUnit.SECONDS)).contains(new LeaseToken("b", 2));
        assertThat(lost).isEmpty();
    }

    private Job pendingJob() {
        Job job = new Job(new JobIds(Clock.systemUTC()).next(), null, java.util.Map.of(), 1, Jobs.spec(),
                JobStatus.submitted(Jobs.NOW), 0);
        store.create(job, new JobEvent(Jobs.NOW, JobEvent.EventType.Normal, Phase.Pending, Reason.Submitted, "ok", 1));
        return job;
    }

    private static Job launching(Job read) {
        return read.withStatus(read.status().withPhase(Phase.Launching, Reason.Launched, "creating"));
    }

    private static Job failed(Job read) {
        return read.withStatus(read.status().withPhase(Phase.Failed, Reason.Lost, "stale"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
