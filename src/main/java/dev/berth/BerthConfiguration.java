package dev.berth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.berth.config.ApiConfig;
import dev.berth.config.AuthConfig;
import dev.berth.config.PolicyConfig;
import dev.berth.config.QuotasConfig;
import dev.berth.config.TesConfig;
import dev.berth.config.DockerConfig;
import dev.berth.config.JobsConfig;
import dev.berth.config.LogsConfig;
import dev.berth.config.QueueConfig;
import dev.berth.config.ReconcilerConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import dev.berth.core.JobSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Berth's config.yml. A section written but left empty (for example {@code jobs:} with only
 * comments under it) reads as YAML null; it means the section's defaults, as if it were absent.
 */
public class BerthConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private DockerConfig docker = new DockerConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private ReconcilerConfig reconciler = new ReconcilerConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private LogsConfig logs = new LogsConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private ApiConfig api = new ApiConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private JobsConfig jobs = new JobsConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private QuotasConfig quotas = new QuotasConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private TesConfig tes = new TesConfig();

    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private PolicyConfig policy = new PolicyConfig();

    /** The queues jobs wait in for room, by name; the shipped config.yml defines {@code default}. */
    @Valid
    @NotNull
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private Map<String, QueueConfig> queues = new LinkedHashMap<>(Map.of(JobSpec.DEFAULT_QUEUE, new QueueConfig(16)));

    public JobsConfig getJobs() {
        return jobs;
    }

    public Map<String, QueueConfig> getQueues() {
        return queues;
    }

    /** A job that names no queue goes to the default one, so it must exist. */
    @AssertTrue(message = "must define the queue \"default\", where jobs that name none go")
    @JsonIgnore
    public boolean isQueuesDefiningDefault() {
        return queues.containsKey(JobSpec.DEFAULT_QUEUE);
    }

    @AssertTrue(message = "queue names must be 1 to 63 lower-case letters, digits or '-', starting with a letter or digit")
    @JsonIgnore
    public boolean isQueueNamesValid() {
        return queues.keySet().stream().allMatch(name -> name != null && name.matches("[a-z0-9][a-z0-9-]{0,62}"));
    }

    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = defaultDatabase();

    private static DataSourceFactory defaultDatabase() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:./data/berth");
        factory.setUser("sa");
        factory.setPassword("");
        return factory;
    }

    public DockerConfig getDocker() {
        return docker;
    }

    public ReconcilerConfig getReconciler() {
        return reconciler;
    }

    public LogsConfig getLogs() {
        return logs;
    }

    public ApiConfig getApi() {
        return api;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public QuotasConfig getQuotas() {
        return quotas;
    }

    public TesConfig getTes() {
        return tes;
    }

    public PolicyConfig getPolicy() {
        return policy;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }
}
