package dev.berth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.berth.core.JobStatus;

/**
 * A job's status as the API shows it: the stored status, and for a job waiting in its queue its
 * place there ({@code queuePosition}, 1 for the next to launch), which is counted when asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(@JsonUnwrapped JobStatus status, Long queuePosition) { }
