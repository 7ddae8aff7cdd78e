package dev.berth.tes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.Attempt;
import dev.berth.core.Job;
import dev.berth.core.LogText;
import dev.berth.core.Phase;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.db.TesTaskRow;
import dev.berth.jobs.JobLogs;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A task as TES shows it, built from its job: one TaskLog per attempt, each with a log per executor
 * that exited (TES requires its exit code), the outputs copied (on the latest attempt), and in FULL
 * the tails of each executor's stdout and stderr and what Berth saw, in words.
 */
final class TaskViews {
    /** How much of each stream FULL shows; the whole output is at /api/v1/jobs/{id}/logs. */
    static final int TAIL_LINES = 200;
    private static final TypeReference<List<TesOutputFileLog>> OUTPUT_FILES = new TypeReference<>() { };
    private static final TypeReference<List<String>> NOTES = new TypeReference<>() { };

    private final JobLogs logs;
    private final ObjectMapper json;

    TaskViews(JobLogs logs, ObjectMapper json) {
        this.logs = logs;
        this.json = json;
    }

    TesTask view(Job job, List<Attempt> attempts, TesTaskRow row, TesView view) {
        Attempt latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        TesState state = TesStates.of(job, latest, row);
        if (view == TesView.MINIMAL) {
            return TesTask.minimal(job.id(), state);
        }
        boolean full = view == TesView.FULL;
        TesTask stored = read(row.task(), TesTask.class);
        List<String> notes = row.notes() == null ? List.of() : read(row.notes(), NOTES);
        List<TesTaskLog> taskLogs = new ArrayList<>();
        for (Attempt attempt : attempts) {
            boolean isLatest = attempt == latest;
            taskLogs.add(taskLog(job, attempt, isLatest ? row : null, full,
                    taskLogs.isEmpty() ? notes : List.of()));
        }
        if (attempts.isEmpty() && (job.isTerminal() || !notes.isEmpty())) {
            // Never launched (cancelled while queued, or refused at launch): still say why, and the notes.
            List<String> system = new ArrayList<>(notes);
            system.add(job.status().phase() + " (" + job.status().reason() + "): " + job.status().message());
            taskLogs.add(new TesTaskLog(List.of(), null, null, time(job.status().finishedAt()), List.of(),
                    full ? system : null));
        }
        List<TesInput> inputs = stored.inputs() == null || full ? stored.inputs()
                : stored.inputs().stream().map(TesInput::withoutContent).toList();
        return stored.with(inputs, stored.resources()).shown(job.id(), state, taskLogs,
                time(job.status().createdAt()));
    }

    private TesTaskLog taskLog(Job job, Attempt attempt, TesTaskRow latestRow, boolean full, List<String> notes) {
        Map<Integer, StepOutput> output = full ? outputsOf(job, attempt) : Map.of();
        List<TesExecutorLog> executorLogs = new ArrayList<>();
        for (Step step : attempt.steps()) {
            if (step.exitCode() == null) {
                continue; // not exited (yet): TES requires an exit code
            }
            StepOutput streams = output.getOrDefault(step.index(), StepOutput.NONE);
            executorLogs.add(new TesExecutorLog(time(step.startedAt()), time(step.finishedAt()),
                    full ? tail(streams.isCombined() ? streams.combined().text() : streams.stdout().text()) : null,
                    full ? tail(streams.isCombined() ? "" : streams.stderr().text()) : null, step.exitCode()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("attempt", Integer.toString(attempt.number()));
        metadata.put("backend", attempt.backend().name().toLowerCase(Locale.ROOT));
        if (attempt.nodeHostname() != null) {
            metadata.put("node", attempt.nodeHostname());
        }
        List<TesOutputFileLog> outputs = latestRow != null && latestRow.outputs() != null
                ? read(latestRow.outputs(), OUTPUT_FILES) : List.of();
        return new TesTaskLog(executorLogs, metadata, time(attempt.startedAt()), time(attempt.finishedAt()), outputs,
                full ? systemLogs(job, attempt, latestRow, notes) : null);
    }

    /** What Berth saw of the attempt, in words: its end, each executor that did not succeed, the outputs. */
    private static List<String> systemLogs(Job job, Attempt attempt, TesTaskRow latestRow, List<String> notes) {
        List<String> lines = new ArrayList<>(notes);
        lines.add("attempt " + attempt.number() + ": " + attempt.phase() + " (" + attempt.reason() + "): "
                + attempt.message());
        if (attempt.nodeId() != null) {
            lines.add("ran on swarm node " + attempt.nodeHostname() + " (" + attempt.nodeId() + ")");
        }
        for (Step step : attempt.steps()) {
            if (step.phase() != Phase.Succeeded && step.phase() != Phase.Pending && step.message() != null) {
                lines.add("executor " + step.index() + ": " + step.phase() + " (" + step.reason() + "): "
                        + step.message());
            }
        }
        if (latestRow != null && job.status().phase() == Phase.Succeeded) {
            if (latestRow.finishedAt() == null) {
                lines.add("outputs: being copied");
            } else if (latestRow.problem() != null) {
                lines.add("outputs: " + latestRow.problem());
            } else if (latestRow.outputs() != null) {
                lines.add("outputs: copied");
            }
        }
        return lines;
    }

    private Map<Integer, StepOutput> outputsOf(Job job, Attempt attempt) {
        Map<Integer, StepOutput> byStep = new LinkedHashMap<>();
        logs.of(job, attempt.number()).ifPresent(log -> {
            for (int i = 0; i < log.steps().size(); i++) {
                byStep.put(i, log.steps().get(i).output());
            }
        });
        return byStep;
    }

    private static String tail(String text) {
        return LogText.tail(text, TAIL_LINES);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
