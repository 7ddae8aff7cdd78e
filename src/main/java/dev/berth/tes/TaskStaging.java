package dev.berth.tes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host side of tasks' files, under tes.workDirectory: one directory per task, made before its
 * job is stored and removed once its outputs were copied. The work directory itself is closed to
 * other host users (0700, see {@link TesSettings#from}); the shared directories inside are open
 * (0777), since an executor may run as any user of its image.
 */
final class TaskStaging {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private final Path workDirectory;

    TaskStaging(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** A new task's key: the name of its directory. */
    static String newKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Makes the task's directory as planned; on failure nothing of it is left. */
    void stage(String key, StagingPlan plan) {
        Path staging = workDirectory.resolve(key);
        try {
            Files.createDirectory(staging);
            for (int i = 0; i < plan.sharedDirectories(); i++) {
                openDirectory(new SharedDirectories.Location(i, "").in(staging));
            }
            for (SharedDirectories.Location nested : plan.nested()) {
                Path directory = nested.in(staging);
                Files.createDirectories(directory);
                openDirectory(directory);
            }
            if (!plan.contents().isEmpty()) {
                Files.createDirectory(staging.resolve("inputs"));
            }
            for (var content : plan.contents().entrySet()) {
                Path file = staging.resolve("inputs").resolve(Integer.toString(content.getKey()));
                Files.writeString(file, content.getValue(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            remove(key);
            throw new UncheckedIOException("could not stage the task's files in " + staging, e);
        }
    }

    /** Removes a task's directory and all in it; symbolic links are removed, never followed. */
    void remove(String key) {
        Path staging = workDirectory.resolve(key);
        if (!Files.exists(staging)) {
            return;
        }
        try {
            Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + staging, e);
        }
    }

    /** The keys of every task directory there is (only names Berth gives: nothing else there is touched). */
    List<String> keys() {
        if (!Files.isDirectory(workDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(workDirectory)) {
            return new ArrayList<>(entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> KEY.matcher(name).matches()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + workDirectory, e);
        }
    }

    /** When a task directory was last changed, in epoch ms (0 if it is gone). */
    long changedAt(String key) {
        try {
            return Files.getLastModifiedTime(workDirectory.resolve(key)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void openDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        // Set after creation: the process's umask would narrow the mode given to createDirectories.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
}
