package dev.berth.core;

/**
 * One queue's limits. {@code maxRunning}: its jobs launched at once. {@code fairShareLabel}: the
 * job label whose values share the queue (until jobs carry owners, its values stand for them):
 * among jobs of equal priority, each value's jobs take turns, and each value may have at most
 * {@code maxRunningPerOwner} launched at once. Null: no such limit, no sharing.
 */
public record QueueLimit(Integer maxRunning, String fairShareLabel, Integer maxRunningPerOwner) {
    public static final QueueLimit NONE = new QueueLimit(null, null, null);

    public QueueLimit(Integer maxRunning) {
        this(maxRunning, null, null);
    }

    /** The share a job belongs to: its value of the fair-share label ("" without it); null when not shared. */
    public String shareOf(Job job) {
        return fairShareLabel == null ? null : job.labels().getOrDefault(fairShareLabel, "");
    }
}
