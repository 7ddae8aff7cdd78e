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
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the tasks whose job ended: copies a succeeded task's outputs to their URLs, records them
 * (or why they could not be), then removes the task's staged files. Level-triggered like the
 * reconciler, and run by the process that reconciles: it looks for ended tasks not finished yet,
 * so a restart, a crash or a change of leader only makes it look again; the record is written once
 * (conditionally) and each copy is a whole file, so a task done twice (by an old leader not yet
 * aware it lost the lease) comes out the same. Also removes staged directories that no unfinished
 * task names (a job deleted first, a crash while staging or before a removal).
 */
public final class TesFinisher implements Managed {
    /** How soon after its job ends a task's outputs are copied (and COMPLETE shows). */
    static final Duration INTERVAL = Duration.ofMillis(500);
    /** How often, and how old, staged directories no unfinished task names are looked for and removed. */
    static final Duration LEFTOVERS = Duration.ofMinutes(10);
    /** The problem column's size. */
    private static final int MAX_PROBLEM = 2000;
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TesFinisher.class);

    private final TesTaskStore tasks;
    private final JobStore jobs;
    private final TesSettings settings;
    private final TaskStaging staging;
    private final OutputCopier copier;
    private final ObjectMapper json;
    private final Clock clock;
    private final BooleanSupplier leads;
    /** Staged directories this host does not have: said once each, then left to a process that has them. */
    private final Set<String> missing = new HashSet<>();
    private ScheduledExecutorService timer;
    private long nextLeftoverSweep;

    /** {@code leads}: whether this process reconciles now. */
    public TesFinisher(TesTaskStore tasks, JobStore jobs, TesSettings settings, ObjectMapper json, Clock clock,
                       BooleanSupplier leads) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.settings = settings;
        this.staging = new TaskStaging(settings.workDirectory());
        this.copier = new OutputCopier(settings.allowedRoots());
        this.json = json;
        this.clock = clock;
        this.leads = leads;
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
            if (!leads.getAsBoolean()) {
                return;
            }
            boolean progress = true;
            while (progress) {
                List<TesTaskRow> ended = tasks.ended(BATCH);
                int finished = 0;
                for (TesTaskRow row : ended) {
                    finished += finish(row) ? 1 : 0;
                }
                // A full batch of which none finished (their files are on another host): the next pass.
                progress = ended.size() == BATCH && finished > 0;
            }
            long now = clock.millis();
            if (now >= nextLeftoverSweep) {
                nextLeftoverSweep = now + LEFTOVERS.toMillis();
                removeLeftovers(now);
            }
        } catch (Throwable e) {
            // A throw would end the schedule: another pass follows, when the database or disk may be back.
            LOG.warn("finishing TES tasks failed; will look again", e);
        }
    }

    /** True when the task is finished now (here or by another process). */
    private boolean finish(TesTaskRow row) {
        Optional<Job> job = jobs.find(row.jobId());
        if (job.isEmpty()) {
            return true; // deleted since: its leftovers go with the sweep
        }
        if (row.staging() != null && !Files.isDirectory(settings.stagingOf(row.staging()))) {
            if (missing.add(row.staging())) {
                LOG.warn("the staged files of TES task {} are not in {} on this host: tes.workDirectory must be"
                        + " storage every Berth process sees", row.jobId(), settings.workDirectory());
            }
            return false;
        }
        String outputs = null;
        String problem = null;
        if (job.get().status().phase() == Phase.Succeeded && row.staging() != null) {
            TesTask task = read(row.task());
            List<TesOutput> wanted = task.outputs() == null ? List.of() : task.outputs();
            try {
                outputs = json.writeValueAsString(copier.copy(settings.stagingOf(row.staging()),
                        SharedDirectories.of(task.volumes(), wanted), wanted));
            } catch (OutputCopier.OutputException e) {
                problem = e.getMessage();
            } catch (JsonProcessingException | RuntimeException e) {
                // Whatever the executors left that Berth cannot read: the task's end, not the finisher's.
                problem = "the outputs could not be copied: " + e;
            }
        }
        boolean recorded = tasks.finish(row.jobId(), clock.millis(), outputs, shortened(problem));
        if (recorded && row.staging() != null) {
            removeStaging(row.staging());
        }
        return true;
    }

    private static String shortened(String problem) {
        return problem == null || problem.length() <= MAX_PROBLEM ? problem
                : problem.substring(0, MAX_PROBLEM - 3) + "...";
    }

    private void removeLeftovers(long now) {
        for (String key : staging.keys()) {
            if (now - staging.changedAt(key) > LEFTOVERS.toMillis() && !tasks.stagingInUse(key)) {
                LOG.info("removing staged TES files {} that no unfinished task names", key);
                removeStaging(key);
            }
        }
    }

    private void removeStaging(String key) {
        try {
            staging.remove(key);
        } catch (UncheckedIOException e) {
            LOG.warn("could not remove the staged files of a TES task (the sweep tries again): {}", e.getMessage());
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
