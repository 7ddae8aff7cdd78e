package dev.berth.core;

/**
 * A job as the API shows it: the record and, once its current attempt was launched, the spec that
 * attempt was resolved to (null before). Both come from one row, so one read gives both.
 */
public record JobRecord(Job job, ResolvedSpec resolved) {
}
