package dev.berth.tes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.InvalidRequestException;
import dev.berth.core.Attempt;
import dev.berth.core.Caller;
import dev.berth.core.Job;
import dev.berth.db.JobStore;
import dev.berth.db.TesTaskQuery;
import dev.berth.db.TesTaskRow;
import dev.berth.db.TesTaskStore;
import dev.berth.jobs.JobControl;
import dev.berth.jobs.JobLogs;
import dev.berth.jobs.JobService;
import dev.berth.jobs.JobStateConflictException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The TES API on Berth's jobs: a task is stored as a job (its id is the job's) with its TES side
 * beside it, in one transaction; its files are staged on the host before, and removed if it is
 * refused. Reads show a caller only what it may see of jobs: a submitter its own tasks.
 */
public class TesService {
    /** A listing with a state filter reads at most this many tasks per page, then gives a token to go on. */
    static final int MAX_SCANNED = 5_000;
    /** A NUL as JSON writes it (backslash, u0000) after an even number of backslashes: an odd one escapes it. */
    private static final Pattern NUL = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u0000");

    private final JobService jobs;
    private final JobControl control;
    private final JobStore store;
    private final TesTaskStore tasks;
    private final TaskRules rules;
    private final TaskStaging staging;
    private final TaskViews views;
    private final ObjectMapper json;
    private final Clock clock;

    public TesService(JobService jobs, JobControl control, JobStore store, TesTaskStore tasks, TesSettings settings,
                      JobLogs logs, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.control = control;
        this.store = store;
        this.tasks = tasks;
        this.rules = new TaskRules(settings);
        this.staging = new TaskStaging(settings.workDirectory());
        this.views = new TaskViews(logs, json);
        this.json = json;
        this.clock = clock;
    }

    /** Stores the task as a job of {@code caller}; its id. Throws {@link InvalidTaskException} for a bad task. */
    public String create(TesTask task, Caller caller) {
        checkText(task);
        String key = TaskStaging.newKey();
        TaskRules.Translation translation = rules.translate(task, key);
        boolean staged = !translation.staging().isEmpty();
        if (staged) {
            staging.stage(key, translation.staging());
        }
        // A task with no files has nothing to finish: it is finished from the start.
        TesTaskRow row = new TesTaskRow(null, translation.stored().name(), write(translation.stored()),
                staged ? key : null, staged ? null : clock.millis(), null, null,
                translation.notes().isEmpty() ? null : write(translation.notes()));
        try {
            return jobs.submit(translation.manifest(), caller.name(), tasks.alongside(row)).job().job().id();
        } catch (InvalidRequestException e) {
            removeStaged(staged, key);
            throw new InvalidTaskException(e.errors().stream().map(TesService::inTesTerms).toList());
        } catch (RuntimeException e) {
            removeStaged(staged, key);
            throw e;
        }
    }

    /** The task, if there is one the caller may see. */
    public Optional<TesTask> find(String id, TesView view, Caller caller) {
        return store.find(id).filter(job -> caller.mayTouch(job.owner()))
                .flatMap(job -> tasks.find(id).map(row -> view(job, row, view)));
    }

    /** One page, newest first: tasks matching every filter ({@code state} null: any). */
    public TesTaskList list(TesTaskQuery query, TesState state, TesView view) {
        List<TesTask> page = new ArrayList<>();
        String cursor = query.after();
        int scanned = 0;
        boolean more = true;
        while (more && page.size() < query.limit() && scanned < MAX_SCANNED) {
            int remaining = query.limit() - page.size();
            // With a state filter some tasks read are left out: read more than the page needs at once.
            TesTaskStore.Page ids = tasks.page(new TesTaskQuery(query.namePrefix(), query.tags(), query.owner(),
                    cursor, state == null ? remaining : Math.max(remaining, 100)));
            more = ids.more();
            for (String id : ids.ids()) {
                if (page.size() == query.limit()) {
                    more = true; // this id and those after it are for the next page
                    break;
                }
                cursor = id;
                scanned++;
                Optional<Job> job = store.find(id);
                Optional<TesTaskRow> row = tasks.find(id);
                if (job.isEmpty() || row.isEmpty()) {
                    continue; // deleted between the page and this read
                }
                if (state == null) {
                    page.add(view(job.get(), row.get(), view));
                    continue;
                }
                TesTask shown = view(job.get(), row.get(), TesView.MINIMAL);
                if (shown.state() == state) {
                    page.add(view == TesView.MINIMAL ? shown : view(job.get(), row.get(), view));
                }
            }
        }
        return new TesTaskList(page, more ? cursor : null);
    }

    /**
     * Asks the task's job to stop; true when there is such a task the caller may touch. A task that
     * already ended stays as it is: a cancel that comes late (a workflow engine aborting) is no error.
     */
    public boolean cancel(String id, Caller caller) {
        Optional<Job> job = store.find(id).filter(found -> caller.mayTouch(found.owner()));
        if (job.isEmpty() || tasks.find(id).isEmpty()) {
            return false;
        }
        if (job.get().isTerminal()) {
            return true;
        }
        try {
            control.cancel(id, caller.name());
        } catch (JobStateConflictException e) {
            if (store.find(id).map(Job::isTerminal).orElse(true)) {
                return true; // it ended between the read and the cancel
            }
            throw e;
        }
        return true;
    }

    /**
     * Text that can be stored and written as it came: no NUL (PostgreSQL refuses it in text, a path
     * cannot hold it) and no half of a surrogate pair (it has no UTF-8 form).
     */
    private void checkText(TesTask task) {
        if (task == null) {
            return;
        }
        String text = write(task);
        if (NUL.matcher(text).find()) {
            throw new InvalidTaskException(List.of("the task must not contain NUL characters (\\u0000)"));
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            throw new InvalidTaskException(List.of("the task holds text that is not valid Unicode (an unpaired"
                    + " surrogate)"));
        }
    }

    private TesTask view(Job job, TesTaskRow row, TesView view) {
        List<Attempt> attempts = view == TesView.MINIMAL
                ? (job.attempt() == null ? List.of() : List.of(job.attempt()))
                : store.attempts(job.id());
        return views.view(job, attempts, row, view);
    }

    private void removeStaged(boolean staged, String key) {
        if (staged) {
            staging.remove(key);
        }
    }

    /** Berth's words for a job's fields, as the task spells them. */
    private static String inTesTerms(String problem) {
        String renamed = problem;
        for (var word : Map.of("steps[", "executors[", ".workingDir", ".workdir", "labels", "tags",
                "resources.cpus", "resources.cpu_cores", "resources.memoryMb", "resources.ram_gb (in MiB)").entrySet()) {
            renamed = renamed.replace(word.getKey(), word.getValue());
        }
        return renamed;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
