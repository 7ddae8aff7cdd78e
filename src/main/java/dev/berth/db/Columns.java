package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Nullable numbers of a result set: JDBC gives 0 for SQL NULL unless asked. */
final class Columns {
    private Columns() {
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Long along(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
