package dev.berth.db;

/** The reconciler's lease as one process holds it: the fencing token its writes are checked against. */
public record LeaseToken(String member, long epoch) { }
