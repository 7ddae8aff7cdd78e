package dev.berth.auth;

import dev.berth.core.Role;
import dev.berth.db.TokenRow;
import dev.berth.db.TokenStore;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** Creates, lists and revokes API tokens, for the token command and the tokens API alike. */
public class TokenService {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final TokenStore store;
    private final Clock clock;

    public TokenService(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A token as listed: never the token itself, which only {@link #create} returns. */
    public record TokenInfo(String name, Role role, long createdAt, String createdBy) { }

    /** A new token, returned once, with what is listed of it. */
    public record Created(String token, TokenInfo info) { }

    /**
     * Stores a new token of that name and role; a bad name or role is an {@link IllegalArgumentException}
     * saying what is allowed, a name in use a {@code TokenNameTakenException}.
     */
    public Created create(String name, String role, String createdBy) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a"
                    + " letter or digit (got " + (name == null ? "none" : "\"" + name + "\"") + ")");
        }
        Role parsed = Role.named(role).orElseThrow(() -> new IllegalArgumentException("role must be one of"
                + " viewer, submitter, admin (got " + (role == null ? "none" : "\"" + role + "\"") + ")"));
        String token = ApiTokens.generate();
        TokenRow row = new TokenRow(name, parsed.name(), ApiTokens.hash(token), clock.millis(), createdBy);
        store.create(row);
        return new Created(token, info(row));
    }

    public List<TokenInfo> list() {
        return store.all().stream().map(TokenService::info).toList();
    }

    public boolean revoke(String name) {
        return store.revoke(name);
    }

    public boolean isEmpty() {
        return store.isEmpty();
    }

    private static TokenInfo info(TokenRow row) {
        return new TokenInfo(row.name(), Role.valueOf(row.role()), row.createdAt(), row.createdBy());
    }
}
