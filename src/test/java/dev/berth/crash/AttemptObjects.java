package dev.berth.crash;

import dev.berth.support.JobAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Holds what the engine's events show was created against the attempts the jobs report. */
final class AttemptObjects {
    private AttemptObjects() {
    }

    /**
     * Each attempt 1..n of each job must have exactly one object. With {@code onlyTheseJobs}, an
     * object for any other job is wrong too: it ran something no acknowledged job stands for.
     */
    static List<String> violations(Map<JobAttempt, Integer> created, Map<String, Integer> attemptsByJob,
                                   boolean onlyTheseJobs) {
        List<String> wrong = new ArrayList<>();
        attemptsByJob.forEach((job, attempts) -> {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                int count = created.getOrDefault(new JobAttempt(job, attempt), 0);
                if (count != 1) {
                    wrong.add(job + " attempt " + attempt + ": " + count + " objects created");
                }
            }
        });
        created.forEach((attempt, count) -> {
            Integer attempts = attemptsByJob.get(attempt.jobId());
            if (attempts == null ? onlyTheseJobs : attempt.attempt() > attempts) {
                wrong.add(attempt + ": " + count + " objects created for an attempt no job reports");
            }
        });
        return wrong;
    }

    /** Objects created per attempt → how many attempts had that many, for the report. */
    static Map<Integer, Long> histogram(Map<JobAttempt, Integer> created, Map<String, Integer> attemptsByJob) {
        return created.entrySet().stream()
                .filter(e -> attemptsByJob.containsKey(e.getKey().jobId()))
                .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.counting()));
    }
}
