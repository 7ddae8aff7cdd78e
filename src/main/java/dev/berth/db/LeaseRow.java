package dev.berth.db;

/** A row of reconciler_lease, as read. */
public record LeaseRow(String member, long epoch, long expiresAt) { }
