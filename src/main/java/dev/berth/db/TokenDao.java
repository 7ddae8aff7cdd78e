package dev.berth.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** api_tokens: one row per live token. */
@RegisterConstructorMapper(TokenRow.class)
public interface TokenDao {

    @SqlUpdate("""
            INSERT INTO api_tokens (name, role, token_hash, created_at, created_by)
            VALUES (:name, :role, :tokenHash, :createdAt, :createdBy)
            """)
    void insert(@BindMethods TokenRow row);

    @SqlQuery("SELECT * FROM api_tokens WHERE token_hash = :hash")
    Optional<TokenRow> findByHash(@Bind("hash") String hash);

    @SqlQuery("SELECT * FROM api_tokens WHERE name = :name")
    Optional<TokenRow> find(@Bind("name") String name);

    @SqlQuery("SELECT * FROM api_tokens ORDER BY name")
    List<TokenRow> all();

    @SqlQuery("SELECT COUNT(*) FROM api_tokens")
    long count();

    @SqlUpdate("DELETE FROM api_tokens WHERE name = :name")
    int delete(@Bind("name") String name);
}
