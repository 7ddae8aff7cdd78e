package dev.berth.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The client as a user runs it: a process of its own, here {@code java -cp <the test classpath>
 * dev.berth.cli.BerthCli} (the jar does not exist yet when surefire runs), in a working directory
 * of the test's, with no BERTH_* variable but those the test gives.
 */
final class CliProcess {
    /** Not a bound the tests measure: a guard so that a client that hangs fails its test rather than the build. */
    private static final long GUARD_SECONDS = 180;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Path workingDir;
    private final Map<String, String> env;

    CliProcess(Path workingDir, Map<String, String> env) {
        this.workingDir = workingDir;
        this.env = Map.copyOf(env);
    }

    Run run(String... args) {
        return run(null, List.of(args));
    }

    Run runWithStdin(String stdin, String... args) {
        return run(stdin, List.of(args));
    }

    /** Any command, the client being one of its words (scripts/berth, say). */
    Run runCommand(List<String> command, String stdin) {
        return start(command, stdin).finish();
    }

    /** The client started and left running, for a test that reads its output while it runs. */
    Started start(String... args) {
        return start(clientCommand(List.of(args)), null);
    }

    /** A client process under way: its output so far, and its end. */
    record Started(List<String> command, Process process, Path out, Path err) {
        /** Waits until its stdout holds {@code text} (or it has ended without it: then fails). */
        void awaitOutput(String text) {
            long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (!read(out).contains(text)) {
                if (!process.isAlive() && !read(out).contains(text)) {
                    throw new AssertionError(command + " ended without writing \"" + text + "\"; its stderr: " + read(err));
                }
                if (System.nanoTime() > guard) {
                    throw new AssertionError(command + " did not write \"" + text + "\" in " + GUARD_SECONDS + " s");
                }
                pause();
            }
        }

        /** What it has written to stderr so far. */
        String errSoFar() {
            return read(err);
        }

        Run finish() {
            try {
                if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " still ran after " + GUARD_SECONDS + " s; its stderr: " + read(err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new Run(process.exitValue(), read(out), read(err));
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + file, e);
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private Started start(List<String> command, String stdin) {
        try {
            Path out = Files.createTempFile(workingDir, "out", ".txt");
            Path err = Files.createTempFile(workingDir, "err", ".txt");
            Process process = builder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Started(command, process, out, err);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        }
    }

    /** The client with its stdout a pipe the test reads, and may close as {@code | head -1} would. */
    Process startPiped(String... args) {
        List<String> command = clientCommand(List.of(args));
        try {
            Path err = Files.createTempFile(workingDir, "err", ".txt");
            return builder(command).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        }
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BERTH_"));
        builder.environment().putAll(env);
        return builder;
    }

    private Run run(String stdin, List<String> args) {
        return runCommand(clientCommand(args), stdin);
    }

    private static List<String> clientCommand(List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                BerthCli.class.getName()));
        command.addAll(args);
        return command;
    }
}
