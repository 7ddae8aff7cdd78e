package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Copies a followed log to stdout as each chunk arrives (flushed at once: a pipe must not wait for a
 * buffer to fill). It stops when stdout is closed ({@code logs -f ID | head -1}): a PrintStream
 * swallows that error, and the follow would otherwise hold one of the server's follower places until
 * the attempt ends.
 */
final class LogStream {
    private LogStream() {
    }

    static void copy(InputStream followed, OutputStream out) {
        byte[] chunk = new byte[8192];
        try (followed) {
            for (int read = followed.read(chunk); read >= 0; read = followed.read(chunk)) {
                out.write(chunk, 0, read);
                out.flush();
                if (out instanceof PrintStream print && print.checkError()) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "the log stream from the server broke off ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }
}
