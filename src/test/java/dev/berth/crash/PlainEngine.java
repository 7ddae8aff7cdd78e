package dev.berth.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The second, plain engine that scripts/test starts (system property berth.plainEngine; empty when
 * there is none). It is the only engine a test may stop and start, because the project's own
 * harness started it; both go through scripts/lib/plain-engine, which knows its command line.
 */
final class PlainEngine {
    static final String HOST = System.getProperty("berth.plainEngine", "");
    private static final Path SCRIPT = Path.of("scripts", "lib", "plain-engine");

    private PlainEngine() {
    }

    /** SIGTERM to its dockerd; returns once the engine no longer answers. */
    static void stop(Path log) {
        run("stop", log);
    }

    /** Starts it again; returns once it answers. */
    static void start(Path log) {
        String address = run("start", log).trim();
        if (!address.equals(HOST)) {
            throw new AssertionError("plain-engine start printed '" + address + "', expected " + HOST);
        }
    }

    private static String run(String command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(SCRIPT + " " + command + " failed; see " + log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + SCRIPT + " " + command, e);
        }
    }
}
