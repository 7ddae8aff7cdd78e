package dev.berth.core;

/** A job's captured stdout and stderr; {@code droppedBytes} counts what the size bound cut off. */
public record CapturedLog(String text, long droppedBytes) {
}
