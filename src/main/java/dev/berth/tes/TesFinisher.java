package dev.berth.tes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.Job;
import dev.berth.core.Phase;
import dev.berth.db.JobStore;
import dev.berth.db.TesTaskRow;
import dev.berth.db.TesTaskStore;
import io.dropwizard.lifecycle.Managed;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the tasks whose job ended: copies a succeeded task's outputs to their URLs, records them
 * (or why they could not be), then removes the task's staged files. Level-triggered like the
 * reconciler: it looks for ended tasks not finished yet, so a restart, a crash or a second process
 * on the same database only makes it look again; the record is written once (conditionally) and
 * the copies are whole files, so doing a task twice does no harm. Also removes staged directories
 * that no task names any more (a job deleted before its files were, a crash while staging).
 */
public final class TesFinisher implements Managed {
    /** How soon after its job ends a task's outputs are copied (and COMPLETE shows). */
    static final Duration INTERVAL = Duration.ofMillis(500);
    /** How often, and how old, staged directories without a task are looked for and removed. */
    static final Duration LEFTOVERS = Duration.ofMinutes(10);
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TesFinisher.class);

    private final TesTaskStore tasks;
    private final JobStore jobs;
    private final TaskStaging staging;
    private final OutputCopier copier;
    private final ObjectMapper json;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private long nextLeftoverSweep;

    public TesFinisher(TesTaskStore tasks, JobStore jobs, TesSettings settings, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.staging = new TaskStaging(settings.workDirectory());
        this.copier = new OutputCopier(settings.allowedRoots());
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "berth-tes-finisher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::pass, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** One look: every ended task not finished yet, then (when due) the leftovers. */
    void pass() {
        try {
            List<TesTaskRow> ended;
            do {
                ended = tasks.ended(BATCH);
                ended.forEach(this::finish);
            } while (ended.size() == BATCH);
            long now = clock.millis();
            if (now >= nextLeftoverSweep) {
                nextLeftoverSweep = now + LEFTOVERS.toMillis();
                removeLeftovers(now);
            }
        } catch (RuntimeException e) {
            // Another pass follows; the database or the disk may be back by then.
            LOG.warn("finishing TES tasks failed; will look again", e);
        }
    }

    private void finish(TesTaskRow row) {
        Optional<Job> job = jobs.find(row.jobId());
        if (job.isEmpty()) {
            return; // deleted since: its leftovers go with the sweep
        }
        String outputs = null;
        String problem = null;
        if (job.get().status().phase() == Phase.Succeeded && row.staging() != null) {
            TesTask task = read(row.task());
            List<TesOutput> wanted = task.outputs() == null ? List.of() : task.outputs();
            try {
                outputs = json.writeValueAsString(copier.copy(staging.pathOf(row.staging()),
                        SharedDirectories.of(task.volumes(), wanted),
                        wanted));
            } catch (OutputCopier.OutputException e) {
                problem = e.getMessage();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (tasks.finish(row.jobId(), clock.millis(), outputs, problem) && row.staging() != null) {
            removeStaging(row.staging());
        }
    }

    private void removeLeftovers(long now) {
        for (String key : staging.keys()) {
            if (now - staging.changedAt(key) > LEFTOVERS.toMillis() && !tasks.stagingInUse(key)) {
                LOG.info("removing staged TES files {} that no task names", key);
                removeStaging(key);
            }
        }
    }

    private void removeStaging(String key) {
        try {
            staging.remove(key);
        } catch (UncheckedIOException e) {
            LOG.warn("could not remove the staged files of a TES task: {}", e.getMessage());
        }
    }

    private TesTask read(String task) {
        try {
            return json.readValue(task, TesTask.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
