package dev.berth.db;

/** How many live jobs of one queue are in one phase. */
public record QueueCount(String queue, String phase, long jobs) { }
