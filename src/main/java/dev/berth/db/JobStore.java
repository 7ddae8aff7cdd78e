package dev.berth.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.Attempt;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobPage;
import dev.berth.core.JobRecord;
import dev.berth.core.Phase;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The job records: the only way the rest of Berth reads or writes them. Every multi-row change is
 * one transaction, and every status write is conditional on the version of the job row it was based
 * on, so that the job, its attempt, its steps, events and output only ever change together.
 */
public class JobStore {
    private final Jdbi jdbi;
    private final JobRows rows;
    private final SerialWrites writes;
    private final WriteFence fence;
    private volatile StatusObserver observer = StatusObserver.NONE;

    /** Writes one at a time, as an H2 database needs them, by a reconciler that is never fenced. */
    public JobStore(Jdbi jdbi, ObjectMapper json) {
        this(jdbi, json, SerialWrites.oneAtATime(), WriteFence.NONE);
    }

    /** {@code fence} is checked in each of the reconciler's status writes (see {@link Leases#fence}). */
    public JobStore(Jdbi jdbi, ObjectMapper json, SerialWrites writes, WriteFence fence) {
        this.jdbi = jdbi;
        this.rows = new JobRows(json);
        this.writes = writes;
        this.fence = fence;
    }

    /** One step's output, captured when it ended. */
    public record Captured(int step, StepOutput output) { }

    /** Rows stored with a new job, in its transaction: the job and they exist together or not at all. */
    public interface Alongside {
        Alongside NOTHING = (handle, jobId) -> { };

        void insert(Handle handle, String jobId);
    }

    /** Stores a new job with its first event; throws {@link NameTakenException} if the name is in use. */
    public void create(Job job, JobEvent submitted) {
        create(job, submitted, Alongside.NOTHING);
    }

    /** Stores a new job with its first event and the rows of {@code alongside}, all or nothing. */
    public void create(Job job, JobEvent submitted, Alongside alongside) {
        try {
            writes.write(() -> jdbi.inTransaction(handle -> {
                JobWrites.insertJob(handle, rows.toRow(job, null), job.labels());
                JobWrites.insertEvents(handle, List.of(rows.toRow(job.id(), submitted)));
                alongside.insert(handle, job.id());
                return null;
            }));
        } catch (RuntimeException e) {
            if (job.name() != null && findByName(job.name()).isPresent()) {
                throw new NameTakenException(job.name(), e);
            }
            throw e;
        }
    }

    /** The job with its latest attempt. */
    public Optional<Job> find(String id) {
        return jdbi.inTransaction(handle -> handle.attach(JobDao.class).find(id)
                .map(row -> rows.toJob(row, latest(handle, row))));
    }

    public Optional<JobRecord> findByName(String name) {
        return jdbi.withExtension(JobDao.class, dao -> dao.findByName(name)).map(rows::toRecord);
    }

    /** The job and the spec its current attempt was resolved to, in one read. */
    public Optional<JobRecord> findRecord(String id) {
        return jdbi.withExtension(JobDao.class, dao -> dao.find(id)).map(rows::toRecord);
    }

    /** Every attempt of the job, oldest first, each with its steps. */
    public List<Attempt> attempts(String id) {
        return jdbi.withExtension(AttemptDao.class, dao -> rows.toAttempts(dao.attempts(id), dao.steps(id)));
    }

    /**
     * Every launched job (Launching or Running, or Pending with reason Unschedulable: a service
     * waiting for a node), with its latest attempt: what a pass follows.
     */
    public List<Job> launched() {
        return jdbi.inTransaction(handle -> withLatestAttempts(JobReads.launched(handle),
                JobReads.latestAttemptOfLaunched(handle), JobReads.stepsOfLatestOfLaunched(handle)));
    }

    /**
     * The first {@code limit} pending jobs of a queue in launch order (higher priority first, then
     * older first), leaving out those whose retry is not due yet: all a pass needs of a queue.
     */
    public List<Job> queueHeads(String queue, int limit, Instant now) {
        return heads(limit, handle -> JobReads.queueHeads(handle, queue, now.toEpochMilli(), limit));
    }

    /**
     * As {@link #queueHeads}, but the first {@code limit} of each owner of a queue shared by the
     * job label {@code label} (its values stand for owners; "" for jobs without it), so that the
     * owners can take turns however long one owner's line is.
     */
    public List<Job> queueHeadsPerShare(String queue, String label, int limit, Instant now) {
        return heads(limit, handle -> JobReads.queueHeadsPerOwner(handle, queue, label, now.toEpochMilli(), limit));
    }

    private List<Job> heads(int limit, Function<Handle, List<JobRow>> query) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbi.inTransaction(handle -> {
            List<JobRow> heads = query.apply(handle);
            List<String> retried = heads.stream().filter(row -> row.attempts() > 0).map(JobRow::id).toList();
            if (retried.isEmpty()) {
                return heads.stream().map(row -> rows.toJob(row, null)).toList();
            }
            return withLatestAttempts(heads, JobReads.latestAttemptOf(handle, retried),
                    JobReads.stepsOfLatestOf(handle, retried));
        });
    }

    /** The job's place in its queue, 1 for the next to launch; empty unless it is pending. */
    /** The jobs of that owner not finished yet (Pending, Launching, Running). */
    public long countActive(String owner) {
        return jdbi.withExtension(JobDao.class, dao -> dao.countActive(owner));
    }

    public Optional<Long> queuePosition(Job job) {
        if (job.status().phase() != Phase.Pending) {
            return Optional.empty();
        }
        return Optional.of(jdbi.withExtension(JobDao.class, dao -> dao.aheadInQueue(job.spec().queue(),
                job.spec().priority(), job.id())) + 1);
    }

    /** Live jobs by queue, then phase ({@code Pending}, {@code Launching}, {@code Running}). */
    public Map<String, Map<Phase, Long>> liveByQueue() {
        Map<String, Map<Phase, Long>> byQueue = new TreeMap<>();
        for (QueueCount count : jdbi.withExtension(JobDao.class, JobDao::liveByQueue)) {
            byQueue.computeIfAbsent(count.queue(), q -> new EnumMap<>(Phase.class))
                    .put(Phase.valueOf(count.phase()), count.jobs());
        }
        return byQueue;
    }

    /** The queues an operator paused. */
    public Set<String> pausedQueues() {
        return Set.copyOf(jdbi.withExtension(QueueStateDao.class, QueueStateDao::paused));
    }

    /**
     * Pauses or resumes a queue; it stays so across restarts. Two first changes of one queue at
     * once may both find no row: the one whose insert loses updates the row the other made.
     */
    public void setPaused(String queue, boolean paused, Instant now) {
        writes.write(() -> {
            try {
                return jdbi.inTransaction(handle -> insertOrUpdate(handle, queue, paused, now));
            } catch (UnableToExecuteStatementException raced) {
                return jdbi.inTransaction(handle -> handle.attach(QueueStateDao.class)
                        .update(queue, paused, now.toEpochMilli()));
            }
        });
    }

    private static int insertOrUpdate(Handle handle, String queue, boolean paused, Instant now) {
        QueueStateDao dao = handle.attach(QueueStateDao.class);
        if (dao.update(queue, paused, now.toEpochMilli()) == 0) {
            dao.insert(queue, paused, now.toEpochMilli());
        }
        return 1;
    }

    private List<Job> withLatestAttempts(List<JobRow> jobs, List<AttemptRow> attemptRows, List<StepRow> stepRows) {
        List<Attempt> attempts = rows.toAttempts(attemptRows, stepRows);
        Map<String, Attempt> byJob = new HashMap<>();
        for (int i = 0; i < attemptRows.size(); i++) {
            byJob.put(attemptRows.get(i).jobId(), attempts.get(i));
        }
        return jobs.stream().map(row -> rows.toJob(row, byJob.get(row.id()))).toList();
    }

    public JobPage page(JobQuery query) {
        List<JobRow> found = jdbi.withHandle(handle -> JobReads.page(handle, query));
        boolean more = found.size() > query.limit();
        List<JobRecord> items = found.stream().limit(query.limit()).map(rows::toRecord).toList();
        return new JobPage(items, more ? items.get(items.size() - 1).job().id() : null);
    }

    /**
     * Writes the reconciler's view of a job: its status, its latest attempt and the steps of it that
     * changed, its events and (when given) a step's captured output, all or nothing. Returns false,
     * writing nothing, when the job row changed since {@code read} was loaded; throws
     * {@link LeaseLostException}, writing nothing, when the fence says this process may not write.
     */
    public boolean recordStatus(Job read, Job updated, ResolvedSpec resolved, List<JobEvent> events,
                                Captured captured, long now) {
        boolean written = writeStatus(read, updated, resolved, events, captured, now);
        if (written) {
            observer.recorded(read, updated, now);
        }
        return written;
    }

    /** Told of every status write that landed (for metrics): the job before and after, the time (epoch ms). */
    public interface StatusObserver {
        StatusObserver NONE = (read, updated, now) -> { };

        void recorded(Job read, Job updated, long now);
    }

    /** Set once at start, before the reconciler writes. */
    public void observeStatuses(StatusObserver statusObserver) {
        this.observer = statusObserver;
    }

    /** Jobs by queue and phase, every phase: for the metrics' gauges. */
    public List<QueueCount> byQueueAndPhase() {
        return jdbi.withExtension(JobDao.class, JobDao::byQueueAndPhase);
    }

    private boolean writeStatus(Job read, Job updated, ResolvedSpec resolved, List<JobEvent> events,
                                Captured captured, long now) {
        return writes.write(() -> jdbi.inTransaction(handle -> {
            fence.check(handle);
            JobRow row = rows.toRow(updated.withVersion(read.version()), resolved == null ? null : rows.write(resolved));
            if (JobWrites.updateStatus(handle, row) == 0) {
                handle.rollback();
                return false;
            }
            writeAttempt(handle, read.id(), read.attempt(), updated.attempt());
            JobWrites.insertEvents(handle, events.stream().map(e -> rows.toRow(read.id(), e)).toList());
            if (captured != null) {
                int attempt = updated.attempt().number();
                JobWrites.replaceOutput(handle, read.id(), attempt, captured.step(),
                        rows.toRows(read.id(), attempt, captured.step(), captured.output(), now));
            }
            return true;
        }));
    }

    /** Only what changed is written: a pass that moves one step writes one step row. */
    private void writeAttempt(Handle handle, String jobId, Attempt before, Attempt after) {
        if (after == null || after.equals(before)) {
            return;
        }
        boolean sameAttempt = before != null && before.number() == after.number();
        AttemptRow attemptRow = rows.toRow(jobId, after);
        if (!sameAttempt || JobWrites.updateAttempt(handle, attemptRow) == 0) {
            JobWrites.insertAttempt(handle, attemptRow);
        }
        for (Step step : after.steps()) {
            Step old = sameAttempt && step.index() < before.steps().size() ? before.step(step.index()) : null;
            if (Objects.equals(old, step)) {
                continue;
            }
            StepRow stepRow = rows.toRow(jobId, after.number(), step);
            if (old == null) {
                JobWrites.insertStep(handle, stepRow);
            } else {
                JobWrites.updateStep(handle, stepRow);
            }
        }
    }

    /**
     * Writes a changed spec (and, for a job cancelled before launch, its final status) unless the
     * row moved on since {@code read}; returns false, writing nothing, when it did.
     */
    public boolean recordSpec(Job read, Job updated, List<JobEvent> events) {
        return writes.write(() -> jdbi.inTransaction(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            if (dao.updateSpec(read.id(), rows.write(updated.spec()), updated.generation(), updated.spec().queue(),
                    updated.spec().priority(), read.version()) == 0) {
                return false;
            }
            if (!updated.status().equals(read.status())) {
                JobWrites.updateStatus(handle, rows.toRow(updated.withVersion(read.version() + 1), null));
            }
            JobWrites.insertEvents(handle, events.stream().map(e -> rows.toRow(read.id(), e)).toList());
            return true;
        }));
    }

    /** Deletes a job with its labels, events, attempts and output. */
    public boolean delete(String id) {
        return writes.write(() -> jdbi.withExtension(JobDao.class, dao -> dao.delete(id))) > 0;
    }

    /** Deletes every finished job whose retention has run out; returns how many. */
    public int deleteExpired(long now) {
        return writes.write(() -> jdbi.withExtension(JobDao.class, dao -> dao.deleteExpired(now)));
    }

    public List<JobEvent> events(String id) {
        return jdbi.withExtension(EventDao.class, dao -> dao.forJob(id)).stream().map(rows::toEvent).toList();
    }

    /** The captured output of an attempt's steps, by step index; a step still running has none yet. */
    public Map<Integer, StepOutput> output(String id, int attempt) {
        Map<Integer, List<OutputRow>> byStep = jdbi.withExtension(OutputDao.class, dao -> dao.ofAttempt(id, attempt))
                .stream().collect(Collectors.groupingBy(OutputRow::stepIndex, TreeMap::new, Collectors.toList()));
        Map<Integer, StepOutput> output = new TreeMap<>();
        byStep.forEach((step, stepRows) -> output.put(step, JobRows.toOutput(stepRows)));
        return output;
    }

    public long count() {
        return jdbi.withExtension(JobDao.class, JobDao::count);
    }

    private Attempt latest(Handle handle, JobRow row) {
        AttemptDao dao = handle.attach(AttemptDao.class);
        List<Attempt> found = rows.toAttempts(dao.attempt(row.id(), row.attempts()), dao.stepsOf(row.id(), row.attempts()));
        return found.isEmpty() ? null : found.get(0);
    }

}
