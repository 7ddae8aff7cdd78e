package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** reconciler_lease: which process of an instance reconciles, until when, and at which epoch. */
@RegisterRowMapper(LeaseDao.LeaseMapper.class)
public interface LeaseDao {

    /** The database's clock: every member reads the same one, whatever its own says. */
    @SqlQuery("SELECT CURRENT_TIMESTAMP")
    OffsetDateTime now();

    @SqlQuery("SELECT member, epoch, expires_at FROM reconciler_lease WHERE instance_id = :instance")
    Optional<LeaseRow> find(@Bind("instance") String instance);

    @SqlUpdate("""
            INSERT INTO reconciler_lease (instance_id, member, epoch, expires_at, renewed_at)
            VALUES (:instance, :member, 1, :expiresAt, :now)""")
    void insert(@Bind("instance") String instance, @Bind("member") String member, @Bind("expiresAt") long expiresAt,
                @Bind("now") long now);

    /** Takes the lease if it is free (expired, or released), as the next epoch. */
    @SqlUpdate("""
            UPDATE reconciler_lease SET member = :member, epoch = epoch + 1, expires_at = :expiresAt, renewed_at = :now
            WHERE instance_id = :instance AND expires_at <= :now""")
    int takeFree(@Bind("instance") String instance, @Bind("member") String member, @Bind("expiresAt") long expiresAt,
                 @Bind("now") long now);

    /** Takes the lease whoever holds it: where no other process can be using the database (an H2 file). */
    @SqlUpdate("""
            UPDATE reconciler_lease SET member = :member, epoch = epoch + 1, expires_at = :expiresAt, renewed_at = :now
            WHERE instance_id = :instance""")
    int takeAlways(@Bind("instance") String instance, @Bind("member") String member, @Bind("expiresAt") long expiresAt,
                   @Bind("now") long now);

    @SqlUpdate("""
            UPDATE reconciler_lease SET expires_at = :expiresAt, renewed_at = :now
            WHERE instance_id = :instance AND member = :member AND epoch = :epoch""")
    int renew(@Bind("instance") String instance, @Bind("member") String member, @Bind("epoch") long epoch,
              @Bind("expiresAt") long expiresAt, @Bind("now") long now);

    /** True while {@code member} holds the lease at {@code epoch}. */
    @SqlQuery("SELECT COUNT(*) FROM reconciler_lease WHERE instance_id = :instance AND member = :member AND epoch = :epoch")
    int holds(@Bind("instance") String instance, @Bind("member") String member, @Bind("epoch") long epoch);

    /**
     * The same inside a write, with the row share-locked until the transaction ends (PostgreSQL): a
     * takeover, which updates the row, waits for the write that checked, or the write sees it and fails.
     */
    @SqlQuery("""
            SELECT epoch FROM reconciler_lease WHERE instance_id = :instance AND member = :member AND epoch = :epoch
            FOR SHARE""")
    Optional<Long> holdsShared(@Bind("instance") String instance, @Bind("member") String member,
                               @Bind("epoch") long epoch);

    /** As {@link #holdsShared} where there is no FOR SHARE (H2): the row locked outright. */
    @SqlQuery("""
            SELECT epoch FROM reconciler_lease WHERE instance_id = :instance AND member = :member AND epoch = :epoch
            FOR UPDATE""")
    Optional<Long> holdsLocked(@Bind("instance") String instance, @Bind("member") String member,
                               @Bind("epoch") long epoch);

    /** Frees the lease at a clean stop, so that another member takes it at once. */
    @SqlUpdate("""
            UPDATE reconciler_lease SET expires_at = 0
            WHERE instance_id = :instance AND member = :member AND epoch = :epoch""")
    int release(@Bind("instance") String instance, @Bind("member") String member, @Bind("epoch") long epoch);

    final class LeaseMapper implements RowMapper<LeaseRow> {
        @Override
        public LeaseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LeaseRow(rs.getString("member"), rs.getLong("epoch"), rs.getLong("expires_at"));
        }
    }
}
