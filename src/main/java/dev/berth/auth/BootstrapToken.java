package dev.berth.auth;

import dev.berth.db.TokenNameTakenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin token: on a start with no tokens at all, one named {@code admin} is created and
 * written to a file only its owner may read (created so, never widened afterwards), whose path is
 * logged; the token never is.
 */
public final class BootstrapToken {
    public static final String NAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapToken.class);

    private BootstrapToken() {
    }

    /** Whether a token was created (false: tokens existed, or another process created it first). */
    public static boolean createIfNone(TokenService tokens, Path file) throws IOException {
        if (!tokens.isEmpty()) {
            return false;
        }
        TokenService.Created created;
        try {
            created = tokens.create(NAME, "admin", null);
        } catch (TokenNameTakenException anotherMemberFirst) {
            return false;
        }
        write(file, created.token());
        LOG.warn("no API tokens existed: created the admin token and wrote it to {} (readable by this user only)",
                file.toAbsolutePath());
        return true;
    }

    private static void write(Path file, String token) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Written to a new file of mode 0600, then moved over any old one: never readable by others.
        Path temporary = Files.createTempFile(parent, ".admin-token", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
