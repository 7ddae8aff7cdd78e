package dev.berth.docker;

import dev.berth.core.StreamName;

/** Receives a followed object's output chunk by chunk, each with the stream it was written to. */
@FunctionalInterface
public interface LogSink {
    void accept(StreamName stream, byte[] chunk);
}
