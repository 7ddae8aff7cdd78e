package dev.berth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.ResolvedSpec;
import java.util.Map;

/** A job as the API shows it: spec as submitted, the spec it was launched with, and its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String name, Map<String, String> labels, long generation, JobSpec spec,
                      ResolvedSpec resolved, JobStatus status) {

    public static JobView of(Job job, ResolvedSpec resolved) {
        return new JobView(job.id(), job.name(), job.labels(), job.generation(), job.spec(), resolved,
                job.status());
    }
}
