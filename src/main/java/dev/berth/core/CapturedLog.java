package dev.berth.core;

/** One stream of captured output; {@code droppedBytes} counts what the size bound cut off. */
public record CapturedLog(String text, long droppedBytes) {
    public static final CapturedLog EMPTY = new CapturedLog("", 0);
}
