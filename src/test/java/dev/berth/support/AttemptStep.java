package dev.berth.support;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One step of one attempt of one job: what Berth promises exactly one Docker object for. */
public record AttemptStep(String jobId, int attempt, int step) {
    /**
     * Berth's object names: berth-&lt;job id&gt;-&lt;attempt&gt; for a job of one step, with -&lt;step&gt; for a
     * longer one; a swarm task's container adds ".1.&lt;task&gt;".
     */
    private static final Pattern NAME = Pattern.compile("berth-([0-9a-z]+)-([0-9]+)(?:-([0-9]+))?");

    /** The first (or only) step of an attempt. */
    public AttemptStep(String jobId, int attempt) {
        this(jobId, attempt, 0);
    }

    /** From an object's labels; the previous release's objects have no step label: step 0. */
    public static Optional<AttemptStep> fromLabels(Map<String, String> labels) {
        String job = labels.get("berth.job");
        String attempt = labels.get("berth.attempt");
        String step = labels.getOrDefault("berth.step", "0");
        if (job == null || attempt == null || !attempt.matches("[0-9]+") || !step.matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(new AttemptStep(job, Integer.parseInt(attempt), Integer.parseInt(step)));
    }

    public static Optional<AttemptStep> fromName(String name) {
        var matcher = NAME.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int step = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new AttemptStep(matcher.group(1), Integer.parseInt(matcher.group(2)), step));
    }

    @Override
    public String toString() {
        return jobId + "/" + attempt + "/" + step;
    }
}
