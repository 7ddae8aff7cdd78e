package dev.berth.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.core.LogText;
import dev.berth.core.StepOutput;
import dev.berth.core.StreamName;
import dev.berth.jobs.JobLogs;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * An attempt's output as a logs request asks for it: narrowed to a step and a stream, each text cut
 * to its last {@code tail} lines. Output captured before streams were kept apart is {@code combined}
 * and cannot be narrowed to one stream.
 */
final class LogsView {
    private LogsView() {
    }

    /** The JSON body: {@code {"attempt", "steps": [{"name", "exitCode", "stdout", "stderr", "truncated"}]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptLogs(int attempt, List<StepLogs> steps) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepLogs(String name, Integer exitCode, String stdout, String stderr, String combined, boolean truncated) { }

    static AttemptLogs json(String jobId, JobLogs.AttemptLog log, String step, StreamName stream, Integer tail) {
        List<StepLogs> steps = narrowed(jobId, log, step, stream).stream().map(s -> {
            StepOutput out = s.output();
            if (out.isCombined()) {
                return new StepLogs(s.name(), s.exitCode(), null, null, LogText.tail(out.combined().text(), tail),
                        out.truncated());
            }
            String stdout = stream == StreamName.stderr ? null : LogText.tail(out.stdout().text(), tail);
            String stderr = stream == StreamName.stdout ? null : LogText.tail(out.stderr().text(), tail);
            return new StepLogs(s.name(), s.exitCode(), stdout, stderr, null, out.truncated());
        }).toList();
        return new AttemptLogs(log.attempt(), steps);
    }

    /** Every step in order, each stdout then stderr (a step's streams are kept apart, not interleaved). */
    static String text(String jobId, JobLogs.AttemptLog log, String step, StreamName stream, Integer tail) {
        StringBuilder text = new StringBuilder();
        for (JobLogs.StepLog s : narrowed(jobId, log, step, stream)) {
            StepOutput out = s.output();
            if (stream == null) {
                text.append(out.text());
            } else {
                text.append((stream == StreamName.stdout ? out.stdout() : out.stderr()).text());
            }
        }
        return LogText.tail(text.toString(), tail);
    }

    private static List<JobLogs.StepLog> narrowed(String jobId, JobLogs.AttemptLog log, String step,
                                                  StreamName stream) {
        List<JobLogs.StepLog> steps = step == null ? log.steps()
                : log.steps().stream().filter(s -> s.name().equals(step)).toList();
        if (steps.isEmpty() && step != null) {
            throw new NotFoundException("attempt " + log.attempt() + " of job " + jobId + " has no step named " + step
                    + " (its steps: " + log.steps().stream().map(JobLogs.StepLog::name).toList() + ")");
        }
        if (stream != null && steps.stream().anyMatch(s -> s.output().isCombined())) {
            throw new NotFoundException("the output of attempt " + log.attempt() + " of job " + jobId
                    + " was captured before Berth kept stdout and stderr apart: ask without stream");
        }
        return steps;
    }
}
