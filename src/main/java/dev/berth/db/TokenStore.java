package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens by their hash. Every request reads its token here, so a revoke is effective at once. */
public class TokenStore {
    private final Jdbi jdbi;
    private final SerialWrites writes;

    public TokenStore(Jdbi jdbi, SerialWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /** Stores a new token; a name already given is a {@link TokenNameTakenException}. */
    public void create(TokenRow row) {
        try {
            writes.write(() -> jdbi.withExtension(TokenDao.class, dao -> {
                dao.insert(row);
                return null;
            }));
        } catch (RuntimeException e) {
            if (find(row.name()).isPresent()) {
                throw new TokenNameTakenException(row.name(), e);
            }
            throw e;
        }
    }

    public Optional<TokenRow> findByHash(String hash) {
        return jdbi.withExtension(TokenDao.class, dao -> dao.findByHash(hash));
    }

    public Optional<TokenRow> find(String name) {
        return jdbi.withExtension(TokenDao.class, dao -> dao.find(name));
    }

    public List<TokenRow> all() {
        return jdbi.withExtension(TokenDao.class, TokenDao::all);
    }

    public boolean isEmpty() {
        return jdbi.withExtension(TokenDao.class, TokenDao::count) == 0;
    }

    /** Whether a token of that name existed (and is now gone). */
    public boolean revoke(String name) {
        return writes.write(() -> jdbi.withExtension(TokenDao.class, dao -> dao.delete(name))) > 0;
    }
}
