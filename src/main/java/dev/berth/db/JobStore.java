package dev.berth.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobPage;
import dev.berth.core.JobRecord;
import dev.berth.core.ResolvedSpec;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The job records: the only way the rest of Berth reads or writes them. Every multi-row change is
 * one transaction, and every status write is conditional on the version it was based on.
 */
public class JobStore {
    private final Jdbi jdbi;
    private final JobRows rows;

    public JobStore(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.rows = new JobRows(json);
    }

    /** Stores a new job with its first event; throws {@link NameTakenException} if the name is in use. */
    public void create(Job job, JobEvent submitted) {
        try {
            jdbi.useTransaction(handle -> {
                handle.attach(JobDao.class).insert(rows.toRow(job, null));
                handle.attach(LabelDao.class).insert(job.id(), job.labels());
                handle.attach(EventDao.class).insert(List.of(rows.toRow(job.id(), submitted)));
            });
        } catch (RuntimeException e) {
            if (job.name() != null && findByName(job.name()).isPresent()) {
                throw new NameTakenException(job.name(), e);
            }
            throw e;
        }
    }

    public Optional<Job> find(String id) {
        return jdbi.withExtension(JobDao.class, dao -> dao.find(id)).map(rows::toJob);
    }

    public Optional<JobRecord> findByName(String name) {
        return jdbi.withExtension(JobDao.class, dao -> dao.findByName(name)).map(rows::toRecord);
    }

    /** The job and the spec its current attempt was resolved to, in one read. */
    public Optional<JobRecord> findRecord(String id) {
        return jdbi.withExtension(JobDao.class, dao -> dao.find(id)).map(rows::toRecord);
    }

    /** Every job that is not terminal, oldest first. */
    public List<Job> active() {
        return jdbi.withExtension(JobDao.class, JobDao::active).stream().map(rows::toJob).toList();
    }

    public JobPage page(JobQuery query) {
        List<JobRow> found = jdbi.withExtension(JobDao.class, dao -> dao.page(query));
        boolean more = found.size() > query.limit();
        List<JobRecord> items = found.stream().limit(query.limit()).map(rows::toRecord).toList();
        return new JobPage(items, more ? items.get(items.size() - 1).job().id() : null);
    }

    /**
     * Writes the reconciler's view of a job, its events and (when given) its captured logs, all or
     * nothing. Returns false, writing nothing, when the row changed since {@code read} was loaded.
     */
    public boolean recordStatus(Job read, Job updated, ResolvedSpec resolved, List<JobEvent> events,
                                CapturedLog logs, long now) {
        return jdbi.inTransaction(handle -> {
            String resolvedJson = resolved != null ? rows.write(resolved) : currentResolved(handle, read.id());
            JobRow row = rows.toRow(updated.withVersion(read.version()), resolvedJson);
            if (handle.attach(JobDao.class).updateStatus(row) == 0) {
                handle.rollback();
                return false;
            }
            handle.attach(EventDao.class).insert(events.stream().map(e -> rows.toRow(read.id(), e)).toList());
            if (logs != null) {
                LogDao logDao = handle.attach(LogDao.class);
                logDao.delete(read.id());
                logDao.insert(new LogRow(read.id(), logs.text(), logs.droppedBytes(), now));
            }
            return true;
        });
    }

    /**
     * Writes a changed spec (and, for a job cancelled before launch, its final status) unless the
     * row moved on since {@code read}; returns false, writing nothing, when it did.
     */
    public boolean recordSpec(Job read, Job updated, List<JobEvent> events) {
        return jdbi.inTransaction(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            if (dao.updateSpec(read.id(), rows.write(updated.spec()), updated.generation(), read.version()) == 0) {
                return false;
            }
            if (!updated.status().equals(read.status())) {
                String resolved = dao.find(read.id()).map(JobRow::resolved).orElse(null);
                dao.updateStatus(rows.toRow(updated.withVersion(read.version() + 1), resolved));
            }
            handle.attach(EventDao.class).insert(events.stream().map(e -> rows.toRow(read.id(), e)).toList());
            return true;
        });
    }

    /** Deletes a job with its labels, events and logs. */
    public boolean delete(String id) {
        return jdbi.withExtension(JobDao.class, dao -> dao.delete(id)) > 0;
    }

    /** Deletes every finished job whose retention has run out; returns how many. */
    public int deleteExpired(long now) {
        return jdbi.withExtension(JobDao.class, dao -> dao.deleteExpired(now));
    }

    public List<JobEvent> events(String id) {
        return jdbi.withExtension(EventDao.class, dao -> dao.forJob(id)).stream().map(rows::toEvent).toList();
    }

    public Optional<CapturedLog> logs(String id) {
        return jdbi.withExtension(LogDao.class, dao -> dao.find(id))
                .map(row -> new CapturedLog(row.content(), row.droppedBytes()));
    }

    public long count() {
        return jdbi.withExtension(JobDao.class, JobDao::count);
    }

    private String currentResolved(Handle handle, String id) {
        return handle.attach(JobDao.class).find(id).map(JobRow::resolved).orElse(null);
    }

}
