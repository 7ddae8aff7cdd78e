package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a job may live: retries ({@code backoffLimit}, 0 by default since a job is not idempotent
 * unless its author says so, optionally only for {@code retryOnExitCodes}), a deadline from the
 * first start, how long its record is kept after it finished, and (swarm mode) how long it may
 * wait for a node that can take it before it fails Unschedulable (null: for ever).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(Integer backoffLimit, List<Integer> retryOnExitCodes, Long activeDeadlineSeconds,
                     Long ttlSecondsAfterFinished, Long scheduleTimeoutSeconds) {

    public static final Policy DEFAULT = new Policy(null, null, null, null, null);

    public Policy {
        retryOnExitCodes = retryOnExitCodes == null ? null : List.copyOf(retryOnExitCodes);
    }

    public Policy(Integer backoffLimit, List<Integer> retryOnExitCodes, Long activeDeadlineSeconds,
                  Long ttlSecondsAfterFinished) {
        this(backoffLimit, retryOnExitCodes, activeDeadlineSeconds, ttlSecondsAfterFinished, null);
    }

    public int retries() {
        return backoffLimit == null ? 0 : backoffLimit;
    }
}
