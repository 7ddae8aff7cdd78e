package dev.berth.auth;

import dev.berth.core.Caller;
import dev.berth.core.Role;
import dev.berth.db.TokenStore;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** A bearer token's caller: the stored token with its hash, read at every request (so revokes count at once). */
public class TokenAuthenticator implements Authenticator<String, Caller> {
    private final TokenStore tokens;

    public TokenAuthenticator(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (!ApiTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return tokens.findByHash(ApiTokens.hash(token)).map(row -> new Caller(row.name(), Role.valueOf(row.role())));
    }
}
