package dev.berth.api;

import dev.berth.core.Policy;
import java.util.List;

/** The rules of a job's policy block. */
final class PolicyRules {
    private static final int MAX_BACKOFF_LIMIT = 100;
    private static final int MAX_EXIT_CODES = 64;

    private PolicyRules() {
    }

    static Policy toPolicy(PolicyManifest policy, List<String> errors) {
        if (policy == null) {
            return Policy.DEFAULT;
        }
        if (policy.backoffLimit() != null && (policy.backoffLimit() < 0 || policy.backoffLimit() > MAX_BACKOFF_LIMIT)) {
            errors.add("policy.backoffLimit must be between 0 and " + MAX_BACKOFF_LIMIT);
        }
        List<Integer> codes = policy.retryOnExitCodes();
        if (codes != null) {
            if (codes.size() > MAX_EXIT_CODES) {
                errors.add("policy.retryOnExitCodes: at most " + MAX_EXIT_CODES + " codes");
            }
            if (codes.stream().anyMatch(code -> code == null || code < 1 || code > 255)) {
                errors.add("policy.retryOnExitCodes must be exit codes from 1 to 255");
            }
        }
        if (policy.activeDeadlineSeconds() != null && policy.activeDeadlineSeconds() < 1) {
            errors.add("policy.activeDeadlineSeconds must be at least 1");
        }
        if (policy.ttlSecondsAfterFinished() != null && policy.ttlSecondsAfterFinished() < 0) {
            errors.add("policy.ttlSecondsAfterFinished must not be negative");
        }
        if (policy.scheduleTimeoutSeconds() != null && policy.scheduleTimeoutSeconds() < 1) {
            errors.add("policy.scheduleTimeoutSeconds must be at least 1");
        }
        return new Policy(policy.backoffLimit(), codes, policy.activeDeadlineSeconds(),
                policy.ttlSecondsAfterFinished(), policy.scheduleTimeoutSeconds());
    }
}
