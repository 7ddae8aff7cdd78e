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
                rs.getString("secrets"), rs.getLong("generation"), rs.getString("resolved"), rs.getString("phase"), rs.getString("reason"),
                rs.getString("message"), Columns.integer(rs, "exit_code"), rs.getInt("attempts"),
                rs.getLong("created_at"), Columns.along(rs, "started_at"), Columns.along(rs, "finished_at"),
                rs.getLong("observed_generation"), Columns.along(rs, "next_attempt_at"),
                Columns.along(rs, "expires_at"), rs.getInt("node_losses"), rs.getString("queue"), rs.getInt("priority"),
                rs.getLong("version"), rs.getString("owner"));
    }
}
