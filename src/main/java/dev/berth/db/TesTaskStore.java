package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The TES side of jobs submitted as TES tasks: the only way the rest of Berth reads or writes tes_tasks. */
public class TesTaskStore {
    private final Jdbi jdbi;
    private final SerialWrites writes;

    public TesTaskStore(Jdbi jdbi, SerialWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /** The row stored in the new job's transaction, with the job's id. */
    public JobStore.Alongside alongside(TesTaskRow row) {
        return (handle, jobId) -> handle.attach(TesTaskDao.class).insert(new TesTaskRow(jobId, row.name(),
                row.task(), row.staging(), row.finishedAt(), row.outputs(), row.problem(), row.notes()));
    }

    public Optional<TesTaskRow> find(String jobId) {
        return jdbi.withExtension(TesTaskDao.class, dao -> dao.find(jobId));
    }

    /** One page of task ids, newest first, and whether more follow. */
    public record Page(List<String> ids, boolean more) { }

    public Page page(TesTaskQuery query) {
        List<String> found = jdbi.withExtension(TesTaskDao.class, dao -> dao.page(query));
        boolean more = found.size() > query.limit();
        return new Page(found.stream().limit(query.limit()).toList(), more);
    }

    /** At most {@code limit} tasks whose job ended and whose outputs were not handled yet. */
    public List<TesTaskRow> ended(int limit) {
        return jdbi.withExtension(TesTaskDao.class, dao -> dao.ended(limit));
    }

    /** Records how a task's outputs went; false when another process already did. */
    public boolean finish(String jobId, long finishedAt, String outputs, String problem) {
        return writes.write(() -> jdbi.withExtension(TesTaskDao.class,
                dao -> dao.finish(jobId, finishedAt, outputs, problem))) == 1;
    }

    /**
     * Whether a task not finished yet names these staged files: a directory that none names is left
     * over (its task was deleted, finished before its removal, or never stored).
     */
    public boolean stagingInUse(String staging) {
        return jdbi.withExtension(TesTaskDao.class, dao -> dao.unfinishedStaging(staging)).isPresent();
    }
}
