package dev.berth.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.support.AttemptStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Holds what the engine's events show was created against the attempts the jobs report. */
final class AttemptObjects {
    private AttemptObjects() {
    }

    /**
     * Each step of each attempt 1..n of each job must have exactly one object (the jobs here never
     * skip a step: their steps all exit 0 but the last). With {@code onlyTheseJobs}, an object for
     * any other job is wrong too: it ran something no acknowledged job stands for.
     */
    static List<String> violations(Map<AttemptStep, Integer> created, Map<String, Integer> attemptsByJob,
                                   Map<String, Integer> stepsByJob, boolean onlyTheseJobs) {
        List<String> wrong = new ArrayList<>();
        attemptsByJob.forEach((job, attempts) -> {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                for (int step = 0; step < stepsByJob.getOrDefault(job, 1); step++) {
                    int count = created.getOrDefault(new AttemptStep(job, attempt, step), 0);
                    if (count != 1) {
                        wrong.add(job + " attempt " + attempt + " step " + step + ": " + count + " objects created");
                    }
                }
            }
        });
        created.forEach((object, count) -> {
            Integer attempts = attemptsByJob.get(object.jobId());
            boolean known = attempts != null && object.attempt() <= attempts
                    && object.step() < stepsByJob.getOrDefault(object.jobId(), 1);
            if (attempts == null ? onlyTheseJobs : !known) {
                wrong.add(object + ": " + count + " objects created for a step no job reports");
            }
        });
        return wrong;
    }

    /** Attempts by job id, as the jobs' final states ({@link FinalStates}) report them. */
    static Map<String, Integer> attemptsOf(Map<String, JsonNode> ended) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        ended.forEach((id, job) -> attempts.put(id, job.path("status").path("attempts").asInt()));
        return attempts;
    }

    /** Steps by job id, as planned. */
    static Map<String, Integer> stepsOf(Map<PlannedJob, String> ids) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        ids.forEach((job, id) -> steps.put(id, job.steps()));
        return steps;
    }

    /** Objects created per attempt → how many attempts had that many, for the report. */
    static Map<Integer, Long> histogram(Map<AttemptStep, Integer> created, Map<String, Integer> attemptsByJob) {
        return created.entrySet().stream()
                .filter(e -> attemptsByJob.containsKey(e.getKey().jobId()))
                .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.counting()));
    }
}
