package dev.berth.docker;

import java.io.Closeable;
import java.time.Duration;

/** An open stream of a running object's output; closing it stops the stream. */
public interface LogStream extends Closeable {

    /** True once the stream has ended (the object stopped, or the reader went away). */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
