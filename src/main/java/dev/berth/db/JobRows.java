package dev.berth.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.Attempt;
import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobRecord;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.Secrets;
import dev.berth.core.Step;
import dev.berth.core.StepOutput;
import dev.berth.core.StreamName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates between Berth's records and the rows that store them. */
final class JobRows {
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> SECRETS = new TypeReference<>() { };
    /** Column width of messages; Docker's error texts can be longer and are cut, never refused. */
    private static final int MESSAGE_LIMIT = 2000;

    /**
     * Specs parsed before, by their stored text: a pass reads every launched job, and a job's spec
     * is the same text pass after pass (JobSpec is immutable, so one parse serves them all).
     */
    private static final int PARSED_SPECS = 1024;

    private final ObjectMapper json;
    private final Map<String, JobSpec> parsedSpecs = new LinkedHashMap<>(PARSED_SPECS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobSpec> eldest) {
            return size() > PARSED_SPECS;
        }
    };

    JobRows(ObjectMapper json) {
        this.json = json;
    }

    JobRow toRow(Job job, String resolvedJson) {
        JobStatus s = job.status();
        String secrets = job.secrets().isEmpty() ? null : write(job.secrets().values());
        return new JobRow(job.id(), job.name(), write(job.labels()), write(job.spec()), secrets, job.generation(),
                resolvedJson, s.phase().name(), name(s.reason()), cut(s.message()), s.exitCode(), s.attempts(),
                millis(s.createdAt()), millis(s.startedAt()), millis(s.finishedAt()), s.observedGeneration(),
                millis(s.nextAttemptAt()), millis(s.expiresAt()), s.nodeLosses(), job.spec().queue(),
                job.spec().priority(), job.version(), job.owner());
    }

    JobRecord toRecord(JobRow row) {
        return new JobRecord(toJob(row, null), row.resolved() == null ? null : read(row.resolved(), ResolvedSpec.class));
    }

    Job toJob(JobRow row, Attempt latest) {
        JobStatus status = new JobStatus(Phase.valueOf(row.phase()), reason(row.reason()), row.message(),
                row.exitCode(), row.attempts(), Instant.ofEpochMilli(row.createdAt()), instant(row.startedAt()),
                instant(row.finishedAt()), row.observedGeneration(), instant(row.nextAttemptAt()),
                instant(row.expiresAt()), row.nodeLosses());
        Secrets secrets = row.secrets() == null ? Secrets.NONE : new Secrets(read(row.secrets(), SECRETS));
        return new Job(row.id(), row.name(), read(row.labels(), LABELS), row.generation(),
                spec(row.spec()), secrets, status, latest, row.version(), row.owner());
    }

    private JobSpec spec(String text) {
        synchronized (parsedSpecs) {
            JobSpec parsed = parsedSpecs.get(text);
            if (parsed != null) {
                return parsed;
            }
        }
        JobSpec parsed = read(text, JobSpec.class); // outside the lock: parsing is the slow part
        synchronized (parsedSpecs) {
            parsedSpecs.put(text, parsed);
        }
        return parsed;
    }

    AttemptRow toRow(String jobId, Attempt a) {
        return new AttemptRow(jobId, a.number(), a.phase().name(), name(a.reason()), cut(a.message()),
                a.backend().wireName(), a.nodeId(), a.nodeHostname(), millis(a.startedAt()), millis(a.finishedAt()),
                a.exitCode());
    }

    StepRow toRow(String jobId, int attempt, Step s) {
        return new StepRow(jobId, attempt, s.index(), s.name(), s.phase().name(), name(s.reason()), cut(s.message()),
                s.exitCode(), s.containerId(), s.serviceId(), s.taskId(), s.nodeId(), s.nodeHostname(),
                millis(s.startedAt()), millis(s.finishedAt()));
    }

    /** Attempts with their steps; {@code steps} may hold the steps of other attempts and jobs too. */
    List<Attempt> toAttempts(List<AttemptRow> attempts, List<StepRow> steps) {
        Map<String, List<Step>> byAttempt = new HashMap<>();
        for (StepRow s : steps) {
            byAttempt.computeIfAbsent(s.jobId() + "/" + s.attempt(), key -> new ArrayList<>()).add(toStep(s));
        }
        List<Attempt> all = new ArrayList<>();
        for (AttemptRow a : attempts) {
            List<Step> own = byAttempt.getOrDefault(a.jobId() + "/" + a.number(), List.of());
            all.add(new Attempt(a.number(), Phase.valueOf(a.phase()), reason(a.reason()), a.message(),
                    Backend.fromWireName(a.backend()), a.nodeId(), a.nodeHostname(), instant(a.startedAt()),
                    instant(a.finishedAt()),
                    a.exitCode(), own));
        }
        return all;
    }

    private static Step toStep(StepRow s) {
        return new Step(s.stepIndex(), s.name(), Phase.valueOf(s.phase()), reason(s.reason()), s.message(),
                s.exitCode(), s.containerId(), s.serviceId(), s.taskId(), s.nodeId(), s.nodeHostname(),
                instant(s.startedAt()), instant(s.finishedAt()));
    }

    List<OutputRow> toRows(String jobId, int attempt, int step, StepOutput output, long now) {
        List<OutputRow> rows = new ArrayList<>();
        if (output.isCombined()) {
            rows.add(outputRow(jobId, attempt, step, StreamName.combined, output.combined(), now));
        } else {
            rows.add(outputRow(jobId, attempt, step, StreamName.stdout, output.stdout(), now));
            rows.add(outputRow(jobId, attempt, step, StreamName.stderr, output.stderr(), now));
        }
        return rows;
    }

    private static OutputRow outputRow(String jobId, int attempt, int step, StreamName stream, CapturedLog log,
                                       long now) {
        return new OutputRow(jobId, attempt, step, stream.name(), log.text(), log.droppedBytes(), now);
    }

    /** The output of one step from its rows (all of that step). */
    static StepOutput toOutput(List<OutputRow> rows) {
        CapturedLog stdout = CapturedLog.EMPTY;
        CapturedLog stderr = CapturedLog.EMPTY;
        CapturedLog combined = null;
        for (OutputRow row : rows) {
            CapturedLog log = new CapturedLog(row.content(), row.droppedBytes());
            switch (StreamName.valueOf(row.stream())) {
                case stdout -> stdout = log;
                case stderr -> stderr = log;
                case combined -> combined = log;
            }
        }
        return new StepOutput(stdout, stderr, combined);
    }

    EventRow toRow(String jobId, JobEvent event) {
        return new EventRow(jobId, event.at().toEpochMilli(), event.type().name(), event.phase().name(),
                event.reason().name(), cut(event.message()), event.attempt());
    }

    JobEvent toEvent(EventRow row) {
        return new JobEvent(Instant.ofEpochMilli(row.at()), JobEvent.EventType.valueOf(row.type()),
                Phase.valueOf(row.phase()), Reason.valueOf(row.reason()), row.message(), row.attempt());
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static String name(Reason reason) {
        return reason == null ? null : reason.name();
    }

    private static Reason reason(String name) {
        return name == null ? null : Reason.valueOf(name);
    }

    private static String cut(String message) {
        return message == null || message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
