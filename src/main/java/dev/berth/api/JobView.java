package dev.berth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.core.Job;
import dev.berth.core.JobSpec;
import dev.berth.core.JobStatus;
import dev.berth.core.ResolvedSpec;
import dev.berth.core.SensitiveValues;
import java.util.Map;

/** A job as the API shows it: spec as submitted, the spec it was launched with, and its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String name, Map<String, String> labels, long generation, JobSpec spec,
                      ResolvedSpec resolved, JobStatus status) {

    /** Sensitive command inputs are masked here, the one way out of Berth for a job's record. */
    public static JobView of(Job job, ResolvedSpec resolved) {
        JobStatus status = job.status().masked(SensitiveValues.of(job.spec()));
        return new JobView(job.id(), job.name(), job.labels(), job.generation(), SensitiveValues.maskedSpec(job.spec()),
                resolved, status);
    }
}
