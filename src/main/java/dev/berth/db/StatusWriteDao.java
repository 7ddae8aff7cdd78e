package dev.berth.db;

/**
 * The statements of one status write (the job's row, its attempt and steps, its events), attached
 * once for the write. Each attach builds a proxy and copies the handle's configuration: the three
 * attaches of a write took about a third of its CPU samples (JFR, a swarm burst of 100 jobs).
 * Writes only: its queries keep to the DAOs they are declared in, with their own row mappers.
 */
public interface StatusWriteDao extends JobDao, AttemptDao, EventDao {
}
