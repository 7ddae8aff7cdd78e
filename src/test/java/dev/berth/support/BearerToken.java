package dev.berth.support;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the admin token Berth wrote at its first start (auth.bootstrapTokenFile) with every request
 * of a test's client, unless the request carries an Authorization of its own. Read at the first
 * request: the file exists only once the server has started.
 */
public final class BearerToken implements ClientRequestFilter {
    private final Path file;
    private volatile String token;

    public BearerToken(Path file) {
        this.file = file;
    }

    public String token() {
        if (token == null) {
            try {
                token = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("no admin token at " + file + " (has Berth started?)", e);
            }
        }
        return token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token());
        }
    }
}
