package dev.berth.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** audit_entries: appended to, read newest first. */
@RegisterConstructorMapper(AuditRow.class)
public interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit_entries (at, actor, action, target, remote_address, outcome)
            VALUES (:at, :actor, :action, :target, :remoteAddress, :outcome)
            """)
    void insert(@Bind("at") long at, @Bind("actor") String actor, @Bind("action") String action,
                @Bind("target") String target, @Bind("remoteAddress") String remoteAddress,
                @Bind("outcome") int outcome);

    /** Entries with ids below {@code before}, newest first; one more than asked says whether more follow. */
    @SqlQuery("SELECT * FROM audit_entries WHERE id < :before ORDER BY id DESC LIMIT :limit")
    List<AuditRow> page(@Bind("before") long before, @Bind("limit") int limit);
}
