package dev.berth.db;

import java.util.Map;
import org.jdbi.v3.sqlobject.SqlObject;

/** job_labels: one row per label, so that listings can filter on labels with an index. */
public interface LabelDao extends SqlObject {

    default void insert(String jobId, Map<String, String> labels) {
        var batch = getHandle().prepareBatch(
                "INSERT INTO job_labels (job_id, label_key, label_value) VALUES (:jobId, :key, :value)");
        labels.forEach((key, value) -> batch.bind("jobId", jobId).bind("key", key).bind("value", value).add());
        if (!labels.isEmpty()) {
            batch.execute();
        }
    }
}
