package dev.berth.tes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file below a directory of the host without ever following a symbolic link: each
 * directory on the way is opened through the one before it (openat), so that a job that can write
 * there cannot turn a directory into a link between Berth's check and its write, and send a file
 * Berth writes as root anywhere on the host. The file is written beside its target and renamed over
 * it (whole or not at all), with mode 0644 whatever the source's: a setuid bit an executor set must
 * not reach the host. A directory missing on the way is made by path (the API has no mkdirat), then
 * opened through its parent like any other: a swap at that moment can only leave an empty
 * directory elsewhere, never a file.
 */
final class SafeWriter {
    private SafeWriter() {
    }

    /** Copies {@code source} (a regular file, not followed if a link) to {@code root}/{@code relative}; its size. */
    static long copy(Path source, Path root, Path relative) throws IOException {
        DirectoryStream<Path> opened = Files.newDirectoryStream(root);
        if (!(opened instanceof SecureDirectoryStream<Path> directory)) {
            opened.close();
            throw new IOException("this platform cannot write without following links");
        }
        SecureDirectoryStream<Path> current = directory;
        try {
            Path made = root;
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                Path name = relative.getName(i);
                made = made.resolve(name);
                SecureDirectoryStream<Path> next = openOrMake(current, name, made);
                current.close();
                current = next;
            }
            return write(current, source, relative.getFileName());
        } finally {
            current.close();
        }
    }

    private static SecureDirectoryStream<Path> openOrMake(SecureDirectoryStream<Path> parent, Path name, Path byPath)
            throws IOException {
        try {
            return parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            try {
                Files.createDirectory(byPath);
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile: opened below like any other
            }
            return parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static long write(SecureDirectoryStream<Path> directory, Path source, Path name) throws IOException {
        Path partial = Path.of("." + name + "." + TaskStaging.newKey() + ".partial");
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             SeekableByteChannel out = directory.newByteChannel(partial,
                     Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                     PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            long position = 0;
            long size = in.size();
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
        } catch (IOException e) {
            deleteQuietly(directory, partial);
            throw e;
        }
        try {
            directory.move(partial, directory, name);
        } catch (IOException e) {
            deleteQuietly(directory, partial);
            throw e;
        }
        return directory.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes().size();
    }

    private static void deleteQuietly(SecureDirectoryStream<Path> directory, Path name) {
        try {
            directory.deleteFile(name);
        } catch (IOException e) {
            // nothing more to do: a partial file is named as one
        }
    }
}
