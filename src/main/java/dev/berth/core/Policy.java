package dev.berth.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a job may live: retries ({@code backoffLimit}, 0 by default since a job is not idempotent
 * unless its author says so, optionally only for {@code retryOnExitCodes}), a deadline from the
 * first start, and how long its record is kept after it finished.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(Integer backoffLimit, List<Integer> retryOnExitCodes, Long activeDeadlineSeconds,
                     Long ttlSecondsAfterFinished) {

    public static final Policy DEFAULT = new Policy(null, null, null, null);

    public Policy {
        retryOnExitCodes = retryOnExitCodes == null ? null : List.copyOf(retryOnExitCodes);
    }

    public int retries() {
        return backoffLimit == null ? 0 : backoffLimit;
    }
}
