package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a jobs row by column name, without the reflection ConstructorMapper does on every query. */
public final class JobRowMapper implements RowMapper<JobRow> {
    @Override
    public JobRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new JobRow(rs.getString("id"), rs.getString("name"), rs.getString("labels"), rs.getString("spec"),
                rs.getLong("generation"), rs.getString("resolved"), rs.getString("phase"), rs.getString("reason"),
                rs.getString("message"), rs.getString("backend"), rs.getString("container_id"),
                rs.getString("service_id"), rs.getString("task_id"), rs.getString("node_id"),
                integer(rs, "exit_code"), rs.getInt("attempts"), rs.getLong("created_at"), along(rs, "started_at"),
                along(rs, "finished_at"), rs.getLong("observed_generation"), along(rs, "first_started_at"),
                along(rs, "next_attempt_at"), along(rs, "expires_at"), rs.getString("attempt_history"),
                rs.getLong("version"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long along(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
