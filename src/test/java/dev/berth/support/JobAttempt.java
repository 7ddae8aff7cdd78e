package dev.berth.support;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One attempt of one job: what Berth promises at most one Docker object for. */
public record JobAttempt(String jobId, int attempt) {
    /** Berth's object names, berth-&lt;job id&gt;-&lt;attempt&gt;; a swarm task's container adds ".1.&lt;task&gt;". */
    private static final Pattern NAME = Pattern.compile("berth-([0-9a-z]+)-([0-9]+)");

    public static Optional<JobAttempt> fromLabels(Map<String, String> labels) {
        String job = labels.get("berth.job");
        String attempt = labels.get("berth.attempt");
        if (job == null || attempt == null || !attempt.matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(new JobAttempt(job, Integer.parseInt(attempt)));
    }

    public static Optional<JobAttempt> fromName(String name) {
        var matcher = NAME.matcher(name == null ? "" : name);
        return matcher.matches() ? Optional.of(new JobAttempt(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return jobId + "/" + attempt;
    }
}
