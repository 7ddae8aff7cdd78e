package dev.berth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token comes from, first found: --token, --token-file, BERTH_TOKEN, BERTH_TOKEN_FILE,
 * then data/admin.token under the working directory. The last is the file a Berth started with the
 * shipped config.yml writes its first admin token to, so that on Berth's own machine, in its
 * directory, berth works as the admin without a flag; anywhere else it is absent and no token is
 * sent (the server then answers 401, with a hint).
 */
final class TokenSource {
    static final Path BOOTSTRAP_FILE = Path.of("data", "admin.token");

    private TokenSource() {
    }

    static Optional<String> resolve(String option, Path fileOption, Map<String, String> env, Path workingDir) {
        if (option != null) {
            return Optional.of(option.strip());
        }
        if (fileOption != null) {
            return Optional.of(read(fileOption));
        }
        String fromEnv = env.get("BERTH_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        String fileFromEnv = env.get("BERTH_TOKEN_FILE");
        if (fileFromEnv != null && !fileFromEnv.isBlank()) {
            return Optional.of(read(Path.of(fileFromEnv)));
        }
        Path bootstrap = workingDir.resolve(BOOTSTRAP_FILE);
        return Files.isReadable(bootstrap) ? Optional.of(read(bootstrap)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            String token = Files.readString(file).strip();
            if (token.isEmpty()) {
                throw new CliFailure(ExitCodes.USAGE, "the token file " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot read the token file " + file + " (" + FileErrors.describe(e) + ")");
        }
    }
}
