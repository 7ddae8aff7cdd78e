package dev.berth.docker;

/**
 * The parts of a container inspect that decide a job's status, as Docker spells them (times are
 * RFC 3339 text, with Docker's zero time for "never").
 */
public record ContainerFacts(String id, String status, Long exitCode, boolean oomKilled, String error,
                             String startedAt, String finishedAt) {
}
