package dev.berth.jobs;

import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.LogText;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.db.JobStore;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.GatewayException;
import dev.berth.docker.LogSink;
import dev.berth.docker.LogStream;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The output of a step that is still running, straight from the engine (through the job's masking
 * gateway): read once, or followed step after step until the attempt ends.
 */
public class LiveLogs {
    /** How long a follower waits for a step to get its object before giving up. */
    private static final Duration LAUNCH_WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final DockerGateway docker;
    private final JobStore store;
    private final int maxBytes;

    public LiveLogs(DockerGateway docker, JobStore store, int maxBytes) {
        this.docker = docker;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /** What a running step wrote so far; nothing when it has no object yet or the engine cannot be asked. */
    public StepOutput read(Job job, Step step) {
        try {
            return workloadOf(job, step).map(w -> engine(job).logs(w, maxBytes)).orElse(StepOutput.NONE);
        } catch (GatewayException e) {
            return StepOutput.NONE;
        }
    }

    /**
     * Writes the job's output to {@code out} as it is produced, step after step, until its attempt
     * ends; for a pending job, first waits for it to be launched. Without {@code tail}, the output
     * the attempt's earlier steps left comes first. A job that is over gets its captured output.
     */
    public void follow(String jobId, Integer tail, OutputStream out) throws IOException, InterruptedException {
        Optional<Job> job = awaitObject(jobId, 0);
        if (job.isEmpty()) {
            return;
        }
        Optional<Attempt> live = job.get().liveAttempt();
        if (live.isEmpty() || live.get().currentStep().isEmpty()) {
            out.write(captured(job.get(), job.get().status().attempts(), Integer.MAX_VALUE, tail));
            out.flush();
            return;
        }
        int attempt = live.get().number();
        int step = live.get().currentStep().get().index();
        if (tail == null) {
            out.write(captured(job.get(), attempt, step, null));
        }
        Integer linesBack = tail;
        while (job.isPresent() && isLive(job.get(), attempt)) {
            Step current = job.get().attempt().step(step);
            Optional<Workload> workload = workloadOf(job.get(), current);
            if (workload.isPresent()) {
                follow(job.get(), current, workload.get(), linesBack, (stream, chunk) -> write(out, chunk));
            }
            linesBack = null;
            if (++step >= job.get().attempt().steps().size()) {
                break;
            }
            job = awaitObject(jobId, step);
        }
        out.flush();
    }

    /**
     * Writes one step's output to {@code out} as it is produced, until that step ends: for a step
     * still to come, first waits for its object; a step that is over (or never ran) gets its
     * captured output. {@code tail} is passed to the engine for a step that runs.
     */
    public void followStep(String jobId, int index, Integer tail, OutputStream out)
            throws IOException, InterruptedException {
        Optional<Job> job = awaitObject(jobId, index);
        if (job.isEmpty()) {
            return;
        }
        Optional<Step> running = job.get().liveAttempt().map(attempt -> attempt.step(index))
                .filter(step -> !step.isTerminal());
        Optional<Workload> workload = running.flatMap(step -> workloadOf(job.get(), step));
        if (workload.isEmpty()) {
            out.write(capturedStep(job.get(), index, tail));
        } else {
            follow(job.get(), running.get(), workload.get(), tail, (stream, chunk) -> write(out, chunk));
        }
        out.flush();
    }

    /** The job once its step {@code step} has an object, it is no longer live, or the wait is over. */
    private Optional<Job> awaitObject(String jobId, int step) throws InterruptedException {
        Instant giveUp = Instant.now().plus(LAUNCH_WAIT);
        Optional<Job> job = store.find(jobId);
        while (job.isPresent() && waitsForObject(job.get(), step) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            job = store.find(jobId);
        }
        return job;
    }

    private static boolean waitsForObject(Job job, int step) {
        if (job.isTerminal()) {
            return false;
        }
        Optional<Attempt> live = job.liveAttempt();
        if (live.isEmpty()) {
            return true; // pending: its attempt is still to come
        }
        Step wanted = live.get().step(Math.min(step, live.get().steps().size() - 1));
        return !wanted.isTerminal() && wanted.objectId(live.get().backend()) == null;
    }

    /** The captured output of one step of the job's latest attempt. */
    private byte[] capturedStep(Job job, int index, Integer tail) {
        StepOutput output = store.output(job.id(), job.status().attempts()).get(index);
        return LogText.tail(output == null ? "" : output.text(), tail).getBytes(StandardCharsets.UTF_8);
    }

    /** The captured output of the attempt's steps before {@code beforeStep}, as one text. */
    private byte[] captured(Job job, int attempt, int beforeStep, Integer tail) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Integer, StepOutput> step : store.output(job.id(), attempt).entrySet()) {
            if (step.getKey() < beforeStep) {
                text.append(step.getValue().text());
            }
        }
        return LogText.tail(text.toString(), tail).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Follows until the stream ends by itself or the step is over in the store (a service's stream
     * never ends by itself); then gives the last lines a moment to arrive and closes. A service's
     * task container is followed directly when this engine has it: the swarm's own log stream
     * delivers lines seconds late.
     */
    private void follow(Job job, Step step, Workload workload, Integer tail, LogSink sink)
            throws InterruptedException {
        DockerGateway engine = engine(job);
        Workload target = workload;
        if (workload.backend() == Backend.SERVICE && step.containerId() != null) {
            var container = new Workload(job.id(), workload.attempt(), workload.step(), Backend.CONTAINER,
                    step.containerId(), workload.name(), WorkloadState.ACTIVE, null);
            if (engine.observe(container).isPresent()) {
                target = container; // else the task runs on another node: the swarm's stream it is
            }
        }
        try (LogStream stream = engine.followLogs(target, tail, sink)) {
            while (!stream.awaitEnd(POLL)) {
                Optional<Job> now = store.find(job.id());
                if (now.isEmpty() || !isLive(now.get(), workload.attempt())
                        || now.get().attempt().step(step.index()).isTerminal()) {
                    stream.awaitEnd(Duration.ofSeconds(1));
                    return;
                }
            }
        } catch (GatewayException e) {
            // the object went meanwhile: whatever it wrote is in the captured output
        }
    }

    private static boolean isLive(Job job, int attempt) {
        return job.liveAttempt().map(a -> a.number() == attempt).orElse(false);
    }

    private DockerGateway engine(Job job) {
        return docker.forJob(job.secrets().masker());
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            if (bytes.length > 0) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException readerGone) {
            throw new UncheckedIOException(readerGone);
        }
    }

    private static Optional<Workload> workloadOf(Job job, Step step) {
        Optional<Attempt> live = job.liveAttempt();
        if (live.isEmpty() || step.isTerminal()) {
            return Optional.empty();
        }
        Backend backend = live.get().backend();
        String objectId = step.objectId(backend);
        if (objectId == null) {
            return Optional.empty();
        }
        int attempt = live.get().number();
        return Optional.of(new Workload(job.id(), attempt, step.index(), backend, objectId,
                BerthLabels.objectName(job.id(), attempt, step.index(), live.get().steps().size()),
                WorkloadState.ACTIVE, null));
    }
}
