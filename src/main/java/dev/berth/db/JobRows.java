package dev.berth.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.core.AttemptRecord;
import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.core.JobEvent;
import dev.berth.core.JobRecord;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.Phase;
import dev.berth.core.Reason;
import dev.berth.core.ResolvedSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Translates between Berth's records and the rows that store them. */
final class JobRows {
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<List<AttemptRecord>> HISTORY = new TypeReference<>() { };
    /** Column width of messages; Docker's error texts can be longer and are cut, never refused. */
    private static final int MESSAGE_LIMIT = 2000;

    private final ObjectMapper json;

    JobRows(ObjectMapper json) {
        this.json = json;
    }

    JobRow toRow(Job job, String resolvedJson) {
        JobStatus s = job.status();
        return new JobRow(job.id(), job.name(), write(job.labels()), write(job.spec()), job.generation(),
                resolvedJson, s.phase().name(), s.reason() == null ? null : s.reason().name(),
                cut(s.message()), s.backend() == null ? null : s.backend().wireName(), s.containerId(),
                s.serviceId(), s.taskId(), s.nodeId(), s.exitCode(), s.attempts(), millis(s.createdAt()),
                millis(s.startedAt()), millis(s.finishedAt()), s.observedGeneration(), millis(s.firstStartedAt()),
                millis(s.nextAttemptAt()), millis(s.expiresAt()), s.history().isEmpty() ? null : write(s.history()),
                job.version());
    }

    JobRecord toRecord(JobRow row) {
        return new JobRecord(toJob(row), row.resolved() == null ? null : read(row.resolved(), ResolvedSpec.class));
    }

    Job toJob(JobRow row) {
        JobStatus status = new JobStatus(Phase.valueOf(row.phase()),
                row.reason() == null ? null : Reason.valueOf(row.reason()), row.message(),
                row.backend() == null ? null : Backend.fromWireName(row.backend()), row.containerId(),
                row.serviceId(), row.taskId(), row.nodeId(), row.exitCode(), row.attempts(),
                Instant.ofEpochMilli(row.createdAt()), instant(row.startedAt()), instant(row.finishedAt()),
                row.observedGeneration(), instant(row.firstStartedAt()), instant(row.nextAttemptAt()),
                instant(row.expiresAt()), row.attemptHistory() == null ? List.of() : read(row.attemptHistory(), HISTORY));
        return new Job(row.id(), row.name(), read(row.labels(), LABELS), row.generation(),
                read(row.spec(), JobSpec.class), status, row.version());
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
