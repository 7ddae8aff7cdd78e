package dev.berth.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A job a crash test submits and the end it must reach: its script sleeps a little and exits with a
 * known code, so a wrong exit code or phase shows that something was lost or run twice. A job of
 * several steps runs them over a shared volume: each step appends its index to a trace there, and
 * the last one exits with {@link #WRONG_TRACE} unless the trace shows every earlier step exactly
 * once and in order, so a step run twice or skipped shows in the job's exit code too.
 */
record PlannedJob(String name, int sleepTenths, int exitCode, int steps) {
    static final int WRONG_TRACE = 99;

    /** {@code count} named jobs of under a second; exit codes cycle through 0..5 so that each occurs. */
    static List<PlannedJob> batch(String prefix, int count, Random random) {
        return batch(prefix, count, random, 0, 9, 1);
    }

    /**
     * As {@link #batch(String, int, Random)}, each sleeping between the given tenths of a second (in
     * each step), of 1 to {@code maxSteps} steps.
     */
    static List<PlannedJob> batch(String prefix, int count, Random random, int minTenths, int maxTenths,
                                  int maxSteps) {
        List<PlannedJob> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(new PlannedJob(prefix + "-" + i, minTenths + random.nextInt(maxTenths - minTenths + 1), i % 6,
                    1 + random.nextInt(maxSteps)));
        }
        return jobs;
    }

    /** The manifest; the name makes a repeated submission after a crash safe (same name and spec: 200). */
    String manifest(String image) {
        String sleep = "sleep " + sleepTenths / 10 + "." + sleepTenths % 10;
        if (steps == 1) {
            return """
                    {"name": "%s", "image": "%s", "command": ["sh", "-c", "%s; exit %d"]}
                    """.formatted(name, image, sleep, exitCode);
        }
        StringBuilder expected = new StringBuilder();
        List<String> manifests = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            String script = step < steps - 1
                    ? "printf " + step + ", >> /shared/trace; " + sleep
                    : "test $(cat /shared/trace) = " + expected + " || exit " + WRONG_TRACE + "; " + sleep + "; exit "
                            + exitCode;
            expected.append(step).append(',');
            manifests.add("""
                    {"name": "s%d", "image": "%s", "command": ["sh", "-c", "%s"]}""".formatted(step, image, script));
        }
        return """
                {"name": "%s", "volumes": ["/shared"], "steps": [%s]}
                """.formatted(name, String.join(", ", manifests));
    }

    /** What is wrong with each job's end: {@code ended} by id as {@link FinalStates} returns it. */
    static List<String> mismatches(Map<PlannedJob, String> ids, Map<String, JsonNode> ended) {
        return ids.entrySet().stream().map(e -> e.getKey().mismatch(ended.get(e.getValue())))
                .flatMap(Optional::stream).toList();
    }

    /** What is wrong with the job as the API shows it at the end; empty when it ended as it must. */
    Optional<String> mismatch(JsonNode job) {
        if (job == null || job.isMissingNode()) {
            return Optional.of(name + ": Berth acknowledged it, but no longer knows it");
        }
        JsonNode status = job.path("status");
        String phase = exitCode == 0 ? "Succeeded" : "Failed";
        String reason = exitCode == 0 ? "Completed" : "NonZeroExit";
        boolean right = phase.equals(status.path("phase").asText())
                && reason.equals(status.path("reason").asText())
                && status.path("exitCode").isInt() && status.path("exitCode").asInt() == exitCode;
        return right ? Optional.empty() : Optional.of(name + " (" + job.path("id").asText() + ") should be "
                + phase + "/" + reason + " with exit code " + exitCode + ", is " + status);
    }
}
