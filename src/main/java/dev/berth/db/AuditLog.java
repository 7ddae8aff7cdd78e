package dev.berth.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The audit trail: every request that changes something is appended; admins page through it. */
public class AuditLog {
    /** Columns are cut to their width rather than refused: a record of a bad request is still kept. */
    private static final int TARGET_WIDTH = 512;
    private static final int NAME_WIDTH = 64;

    private final Jdbi jdbi;
    private final SerialWrites writes;

    public AuditLog(Jdbi jdbi, SerialWrites writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    public void append(long at, String actor, String action, String target, String remoteAddress, int outcome) {
        writes.write(() -> jdbi.withExtension(AuditDao.class, dao -> {
            dao.insert(at, cut(actor, NAME_WIDTH), cut(action, 8), cut(target, TARGET_WIDTH),
                    cut(remoteAddress, NAME_WIDTH), outcome);
            return null;
        }));
    }

    /** Up to {@code limit} entries older than {@code before} (null: the newest), and whether more follow. */
    public Page page(Long before, int limit) {
        List<AuditRow> rows = jdbi.withExtension(AuditDao.class,
                dao -> dao.page(before == null ? Long.MAX_VALUE : before, limit + 1));
        boolean more = rows.size() > limit;
        List<AuditRow> items = more ? rows.subList(0, limit) : rows;
        return new Page(List.copyOf(items), more ? items.get(items.size() - 1).id() : null);
    }

    public record Page(List<AuditRow> items, Long next) { }

    private static String cut(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }
}
