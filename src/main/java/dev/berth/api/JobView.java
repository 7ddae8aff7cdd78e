package dev.berth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.core.Attempt;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.ResolvedSpec;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it: who submitted it ({@code owner}, the token's name; absent for jobs
 * stored before tokens), spec as submitted, the spec it was launched with, its job-level status
 * and (for a single job, not in listings) every attempt with its steps. Nothing is masked here:
 * the record holds no sensitive value outside {@link dev.berth.core.Secrets}, which is not shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String name, Map<String, String> labels, String owner, long generation,
                      JobSpec spec, ResolvedSpec resolved, StatusView status, List<Attempt> attempts) {

    /** As listed: without attempts, nor the place in its queue (a count per job listed). */
    public static JobView of(Job job, ResolvedSpec resolved) {
        return of(job, resolved, null, null);
    }

    public static JobView of(Job job, ResolvedSpec resolved, List<Attempt> attempts, Long queuePosition) {
        return new JobView(job.id(), job.name(), job.labels(), job.owner(), job.generation(), job.spec(), resolved,
                new StatusView(job.status(), queuePosition), attempts);
    }
}
