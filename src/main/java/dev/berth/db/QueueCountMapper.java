package dev.berth.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class QueueCountMapper implements RowMapper<QueueCount> {
    @Override
    public QueueCount map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new QueueCount(rs.getString("queue"), rs.getString("phase"), rs.getLong("jobs"));
    }
}
