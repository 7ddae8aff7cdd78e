package dev.berth.jobs;

import dev.berth.core.Attempt;
import dev.berth.core.Job;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.db.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output of one attempt, step by step: what was captured when each step ended, and for the
 * step still running, what the engine has so far.
 */
public class JobLogs {
    private final JobStore store;
    private final LiveLogs live;

    public JobLogs(JobStore store, LiveLogs live) {
        this.store = store;
        this.live = live;
    }

    public record StepLog(String name, Integer exitCode, StepOutput output) { }

    public record AttemptLog(int attempt, List<StepLog> steps) { }

    /** The given attempt (the latest when null); empty when the job has no such attempt. */
    public Optional<AttemptLog> of(Job job, Integer number) {
        int wanted = number != null ? number : job.status().attempts();
        Optional<Attempt> attempt = job.attempt() != null && job.attempt().number() == wanted
                ? Optional.of(job.attempt())
                : store.attempts(job.id()).stream().filter(a -> a.number() == wanted).findFirst();
        if (attempt.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, StepOutput> captured = store.output(job.id(), wanted);
        List<StepLog> steps = new ArrayList<>();
        for (Step step : attempt.get().steps()) {
            StepOutput output = captured.get(step.index());
            if (output == null) {
                output = step.isTerminal() ? StepOutput.NONE : live.read(job, step);
            }
            steps.add(new StepLog(step.name(), step.exitCode(), output));
        }
        return Optional.of(new AttemptLog(wanted, steps));
    }
}
