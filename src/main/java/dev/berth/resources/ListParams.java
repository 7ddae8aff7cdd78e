package dev.berth.resources;

import dev.berth.core.JobIds;
import dev.berth.core.Phase;
import dev.berth.core.StreamName;
import dev.berth.db.JobQuery;
import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a listing's query parameters; a bad one is a 400 naming it, never a silent default. */
final class ListParams {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private ListParams() {
    }

    static JobQuery query(String phase, List<String> labels, String limit, String after, String owner, String queue) {
        return new JobQuery(phase(phase), labels(labels), after(after), limit(limit), owner, queue(queue));
    }

    /** Any queue name, also one config.yml no longer defines (its jobs are still listed). */
    private static String queue(String queue) {
        if (queue != null && queue.isBlank()) {
            throw new BadRequestException("queue must be a queue's name (got \"" + queue + "\")");
        }
        return queue;
    }

    private static String phase(String phase) {
        if (phase == null) {
            return null;
        }
        List<Phase> jobPhases = Arrays.stream(Phase.values()).filter(Phase::isJobPhase).toList();
        return jobPhases.stream().filter(p -> p.name().equals(phase)).findFirst()
                .orElseThrow(() -> new BadRequestException("phase must be one of " + jobPhases
                        + " (got \"" + phase + "\")"))
                .name();
    }

    private static Map<String, String> labels(List<String> labels) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String label : labels == null ? List.<String>of() : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new BadRequestException("label must be key=value (got \"" + label + "\")");
            }
            parsed.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return parsed;
    }

    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + " (got \"" + limit + "\")");
    }

    /** A tail=N line count: a whole number from 0 to 1,000,000, or absent (everything). */
    static Integer tail(String tail) {
        if (tail == null) {
            return null;
        }
        try {
            int lines = Integer.parseInt(tail);
            if (lines >= 0 && lines <= 1_000_000) {
                return lines;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("tail must be a whole number of lines from 0 to 1000000 (got \"" + tail + "\")");
    }

    /** An attempt number of a logs request: a whole number from 1, or absent (the latest). */
    static Integer attempt(String attempt) {
        if (attempt == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(attempt);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("attempt must be an attempt number from 1 (got \"" + attempt + "\")");
    }

    /** stdout or stderr, or absent (both). */
    static StreamName stream(String stream) {
        if (stream == null) {
            return null;
        }
        if (stream.equals("stdout") || stream.equals("stderr")) {
            return StreamName.valueOf(stream);
        }
        throw new BadRequestException("stream must be stdout or stderr (got \"" + stream + "\")");
    }

    /** A true/false query flag; anything else is a 400 rather than a silent false. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestException(name + " must be true or false (got \"" + value + "\")");
    }

    private static String after(String after) {
        if (after != null && !JobIds.isWellFormed(after)) {
            throw new BadRequestException("after must be a job id, as given in a listing's next (got \"" + after + "\")");
        }
        return after;
    }
}
