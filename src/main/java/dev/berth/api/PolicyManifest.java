package dev.berth.api;

import java.util.List;

/** A job's lifecycle policy as a user writes it; every field is optional. */
public record PolicyManifest(Integer backoffLimit, List<Integer> retryOnExitCodes, Long activeDeadlineSeconds,
                             Long ttlSecondsAfterFinished, Long scheduleTimeoutSeconds) {
}
