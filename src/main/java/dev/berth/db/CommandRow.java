package dev.berth.db;

/** One stored version of a command: its definition as registered (JSON text). */
public record CommandRow(String name, String version, String definition, long registeredAt, long seq) {
}
