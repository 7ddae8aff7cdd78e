package dev.berth;

import com.codahale.metrics.Gauge;
import dev.berth.api.ManifestLimits;
import dev.berth.api.ManifestValidator;
import dev.berth.api.PlacementRules;
import dev.berth.api.SitePolicyRules;
import dev.berth.auth.AuthSetup;
import dev.berth.auth.BootstrapToken;
import dev.berth.auth.TokenService;
import dev.berth.core.SitePolicy;
import dev.berth.db.AuditLog;
import dev.berth.db.TokenStore;
import dev.berth.jobs.SubmissionGate;
import dev.berth.jobs.SubmissionRate;
import dev.berth.resources.AuditResource;
import dev.berth.resources.TokensResource;
import dev.berth.config.CapacityConfig;
import dev.berth.config.DockerConfig;
import dev.berth.core.Backend;
import dev.berth.core.QueueLimit;
import dev.berth.core.QueueLimits;
import dev.berth.core.JobIds;
import dev.berth.core.Lifecycle;
import dev.berth.db.ChangeNotices;
import dev.berth.db.CommandStore;
import dev.berth.db.Database;
import dev.berth.db.JobStore;
import dev.berth.db.Leases;
import dev.berth.db.SerialWrites;
import dev.berth.db.TesTaskStore;
import dev.berth.docker.DockerJavaGateway;
import dev.berth.docker.DockerSettings;
import dev.berth.docker.RegistryCredentials;
import dev.berth.docker.EngineEvents;
import dev.berth.health.DockerHealthCheck;
import dev.berth.health.LeaseHealthCheck;
import dev.berth.health.ReconcilerHealthCheck;
import dev.berth.jobs.CommandService;
import dev.berth.metrics.BerthMetrics;
import dev.berth.jobs.JobControl;
import dev.berth.jobs.JobService;
import dev.berth.jobs.QueueService;
import dev.berth.jobs.JobLogs;
import dev.berth.jobs.LiveLogs;
import dev.berth.jobs.SpecResolver;
import dev.berth.reconcile.CapacitySetting;
import dev.berth.reconcile.Leadership;
import dev.berth.reconcile.Planner;
import dev.berth.reconcile.ReconcileLoop;
import dev.berth.reconcile.Reconciler;
import dev.berth.reconcile.ReconcilerSettings;
import dev.berth.resources.BodySizeLimit;
import dev.berth.resources.CommandsResource;
import dev.berth.resources.InfoResource;
import dev.berth.resources.JobsResource;
import dev.berth.resources.LogFollowers;
import dev.berth.resources.ManifestErrorMappers;
import dev.berth.resources.NodesResource;
import dev.berth.resources.OpenApiResource;
import dev.berth.resources.QueuesResource;
import dev.berth.resources.StrictJson;
import dev.berth.resources.TesResource;
import dev.berth.resources.YamlBodyReader;
import dev.berth.tes.TaskRules;
import dev.berth.tes.TesFinisher;
import dev.berth.tes.TesService;
import dev.berth.tes.TesServiceInfo;
import dev.berth.tes.TesSettings;
import dev.berth.ui.Dashboard;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Wires Berth by hand: store, Docker gateway, reconcile loop and the REST API. */
public class BerthApplication extends Application<BerthConfiguration> {
    /** How long a stop waits for the actions under way (a launch's pull, a stop's grace) to finish. */
    private static final io.dropwizard.util.Duration ACTIONS_AT_STOP = io.dropwizard.util.Duration.seconds(60);

    private static QueueLimits queueLimits(BerthConfiguration config) {
        Map<String, QueueLimit> perQueue = new LinkedHashMap<>();
        config.getQueues().forEach((name, queue) -> perQueue.put(name, new QueueLimit(queue.getMaxRunning(),
                queue.getFairShareLabel(), queue.getMaxRunningPerOwner())));
        return new QueueLimits(perQueue, config.getReconciler().getMaxRunning());
    }

    /** Swarm mode counts none: the swarm's reservations place its services. */
    private static CapacitySetting capacity(DockerConfig docker) {
        CapacityConfig capacity = docker.getCapacity();
        return docker.isSwarmMode() ? null
                : new CapacitySetting(capacity.getCpus(), capacity.getMemoryMb(), capacity.getOvercommit());
    }

    /**
     * A followed log (logs?follow=true) is flushed chunk by chunk; Jetty's gzip kept the compressed
     * bytes until its buffer filled unless told to flush them, so a client that accepts gzip (every
     * browser) saw nothing of a running job. Other responses are not flushed before their end.
     */
    private static void followedLogsPassGzip(BerthConfiguration config) {
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            server.getGzipFilterFactory().setSyncFlush(true);
        }
    }

    public static void main(String[] args) throws Exception {
        new BerthApplication().run(args);
    }

    @Override
    public String getName() {
        return "berth";
    }

    /** Dropwizard's own two, with Berth's server command in place of its own. */
    @Override
    protected void addDefaultCommands(Bootstrap<BerthConfiguration> bootstrap) {
        bootstrap.addCommand(new BerthServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
        bootstrap.addCommand(new TokenCommand());
    }

    @Override
    public void initialize(Bootstrap<BerthConfiguration> bootstrap) {
        // Dropwizard registers its JVM metrics only when started from main(); here they are there
        // however Berth is started (the tests' application too), for /metrics and Prometheus.
        bootstrap.registerMetrics();
        bootstrap.addBundle(Dashboard.assets());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(BerthConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return Database.CHANGELOG;
            }
        });
    }

    @Override
    public void run(BerthConfiguration config, Environment environment) throws Exception {
        Clock clock = Clock.systemUTC();
        environment.lifecycle().addEventListener(new RequestLogStatus());
        Dashboard.protect(environment);
        followedLogsPassGzip(config);
        StrictJson.apply(environment.getObjectMapper());
        Database.applySettings(config.getDatabase());
        Database.migrate(config.getDatabase(), environment);
        // After the migrations, whose tool keeps a transaction open while it works out what to apply.
        Database.endStalledTransactions(config.getDatabase(), config.getReconciler().getLeaseTimeout().toJavaDuration());
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "database");
        Database.cacheDaoMetadata(jdbi);
        String instanceId = Database.instanceId(jdbi, config.getReconciler().getInstanceId(), clock);
        var writes = SerialWrites.forUrl(config.getDatabase().getUrl());
        var leases = new Leases(jdbi, writes, instanceId, config.getDatabase().getUrl());
        var leadership = new Leadership(leases, Leadership.newMember(),
                config.getReconciler().getLeaseTimeout().toJavaDuration(),
                environment.metrics().counter("reconciler.leadershipChanges"));
        // Before the action threads: stopped after them, the lease is handed back once their writes are done.
        environment.lifecycle().manage(leadership);
        JobStore store = new JobStore(jdbi, environment.getObjectMapper(), writes,
                leases.fence(leadership::held, leadership::lost));
        var commands = new CommandService(new CommandStore(jdbi, writes), environment.getObjectMapper(), clock);
        var resolver = new SpecResolver(commands);

        DockerConfig docker = config.getDocker();
        SitePolicy policy = config.getPolicy().build();
        List<String> badConstraints = PlacementRules.constraintProblems("docker.swarm.constraints",
                docker.getSwarm().getConstraints());
        if (!badConstraints.isEmpty()) {
            throw new IllegalArgumentException("config.yml: " + String.join("; ", badConstraints));
        }
        var auth = docker.getRegistryAuth();
        var gateway = new DockerJavaGateway(new DockerSettings(docker.getHost(), docker.isPullMissingImages(),
                docker.getCallTimeout().toJavaDuration(), docker.getPullTimeout().toJavaDuration(),
                docker.getSwarm().getConstraints(), docker.getSwarm().isImagesDistributedByHand(),
                auth == null ? null : new RegistryCredentials(auth.getServerAddress(), auth.getUsername(),
                        auth.getPassword()), docker.getSwarm().getTaskPollInterval().toJavaDuration(),
                policy),
                instanceId, clock, leadership::leads);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                gateway.close();
            }
        });
        // What a job costs the engine and the database, for the benchmark and for operators.
        environment.metrics().register("docker.calls", (Gauge<Map<String, Long>>) () -> gateway.calls().snapshot());
        environment.metrics().register("store.writes", (Gauge<Long>) writes::count);
        // Prometheus' text (and protobuf) format on the admin port, beside Dropwizard's JSON /metrics.
        var prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        var metrics = new BerthMetrics(prometheus, store, leadership::leads);
        store.observeStatuses(metrics::statusRecorded);
        gateway.calls().observeCalls(metrics::engineCalled);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/metrics/prometheus");
        int maxLogBytes = (int) config.getLogs().getMaxBytes().toBytes();
        var ttl = config.getJobs().getTtlAfterFinished();
        var lifecycle = new Lifecycle(config.getReconciler().getInitialBackoff().toJavaDuration(),
                config.getReconciler().getMaxBackoff().toJavaDuration(), ttl == null ? null : ttl.toJavaDuration(),
                docker.getStopTimeout().toJavaDuration(), config.getReconciler().getMaxNodeLossRestarts());
        int workers = config.getReconciler().getWorkers();
        var queueLimits = queueLimits(config);
        // Registered before the loop, so Dropwizard stops them after the loop's last pass. Actions
        // outlive the pass that planned them: at a stop, those under way finish their writes.
        // One output reader for each action, which waits for at most one read; stopped after the actions.
        var outputThreads = environment.lifecycle().executorService("berth-output-read-%d")
                .minThreads(workers).maxThreads(workers).shutdownTime(ACTIONS_AT_STOP).build();
        var actionThreads = environment.lifecycle().executorService("berth-action-%d")
                .minThreads(workers).maxThreads(workers).shutdownTime(ACTIONS_AT_STOP).build();
        var launchThreads = environment.lifecycle().executorService("berth-launch-%d")
                .minThreads(workers).maxThreads(workers).shutdownTime(ACTIONS_AT_STOP).build();
        var reconciler = new Reconciler(store, gateway,
                new Planner(docker.isSwarmMode() ? Backend.SERVICE : Backend.CONTAINER, docker.isAutoCleanup(),
                        config.getReconciler().isLaunch(), config.getReconciler().getOrphanGrace().toJavaDuration()),
                resolver,
                new ReconcilerSettings(instanceId, docker.isAutoCleanup(), maxLogBytes, lifecycle,
                        config.getReconciler().getNodeLossGrace().toJavaDuration(), queueLimits,
                        capacity(docker)), clock,
                actionThreads, launchThreads, workers, outputThreads);
        reconciler.launchAs(leadership.member(), leadership::confirmed);
        var loop = new ReconcileLoop(reconciler, config.getReconciler().getInterval().toJavaDuration(), clock,
                environment.metrics().timer("reconciler.pass"), metrics::passTook, leadership::leads);
        leadership.onLead(loop::wake);
        // A change another process of the instance stored wakes this one's loop, and one stored
        // here wakes theirs: whichever leads passes at once.
        var notices = new ChangeNotices(jdbi, config.getDatabase(), instanceId);
        notices.onNotice(loop::wake);
        environment.lifecycle().manage(notices);
        Runnable wakeOnChange = () -> {
            loop.wake();
            notices.send();
        };
        environment.lifecycle().manage(loop);
        var events = new EngineEvents(docker.getHost(), instanceId, containerId -> {
            reconciler.containerDied(containerId);
            if (docker.isSwarmMode()) {
                gateway.containerDied(); // its task's state follows: watch for it
            }
        }, loop::wake);
        gateway.watchSwarmTasks(loop::wake);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                events.start();
            }

            @Override
            public void stop() throws Exception {
                events.close();
            }
        });

        var limits = new ManifestLimits(docker.getAllowedMountRoots().stream().map(Path::of).toList(),
                config.getApi().getMaxLabels(), 256, 256, 32, docker.isSwarmMode(), queueLimits.queues());
        // With launching paused a new job has nothing to wake the loop for; the tick still looks.
        Runnable wakeOnSubmit = config.getReconciler().isLaunch() ? wakeOnChange : () -> { };
        var jobIds = new JobIds(clock);
        var jobs = new JobService(store, new ManifestValidator(limits), resolver, jobIds, clock,
                wakeOnSubmit, new SitePolicyRules(policy));
        var tokens = new TokenStore(jdbi, writes);
        var tokenService = new TokenService(tokens, clock);
        if (config.getAuth().isEnabled()) {
            BootstrapToken.createIfNone(tokenService, Path.of(config.getAuth().getBootstrapTokenFile()));
        }
        var gate = new SubmissionGate(new SubmissionRate(config.getQuotas().getSubmissionsPerSecond(), System::nanoTime),
                config.getQuotas().getMaxActiveJobsPerOwner(), store);
        var jersey = environment.jersey();
        jersey.register(new BodySizeLimit((int) config.getApi().getMaxBodySize().toBytes()));
        var audit = new AuditLog(jdbi, writes);
        AuthSetup.register(jersey, config.getAuth().isEnabled(), tokens, audit, clock);
        jersey.register(new YamlBodyReader(environment.getObjectMapper()));
        ManifestErrorMappers.all().forEach(jersey::register);
        var control = new JobControl(store, lifecycle, clock, wakeOnChange);
        var liveLogs = new LiveLogs(gateway, store, maxLogBytes);
        var followers = new LogFollowers(liveLogs);
        environment.lifecycle().manage(followers);
        var jobLogs = new JobLogs(store, liveLogs);
        String implementation = BerthApplication.class.getPackage().getImplementationVersion();
        String version = implementation == null ? "development" : implementation;
        jersey.register(new JobsResource(jobs, control, store, jobLogs, followers, gate));
        if (config.getTes().isEnabled()) {
            TesSettings tes = TesSettings.from(config.getTes(), docker);
            // A task's job may mount its staged files too; nothing else that TES brings widens the rules.
            var taskJobs = new JobService(store, new ManifestValidator(limits.forTasks(tes.workDirectory(),
                    TaskRules.MAX_MOUNTS)), resolver, jobIds, clock, wakeOnSubmit, new SitePolicyRules(policy));
            var tesTasks = new TesTaskStore(jdbi, writes);
            var tesService = new TesService(taskJobs, control, store, tesTasks, tes, jobLogs,
                    environment.getObjectMapper(), clock);
            jersey.register(new TesResource(tesService, gate, uri -> TesServiceInfo.of(instanceId, version,
                    new TesServiceInfo.Organization(tes.organizationName(), tes.organizationUrl() != null
                            ? tes.organizationUrl() : uri.getBaseUri().toString()),
                    tes.allowedRoots().roots().stream().map(root -> "file://" + root).toList())));
            environment.lifecycle().manage(new TesFinisher(tesTasks, store, tes, environment.getObjectMapper(),
                    clock, leadership::leads));
        }
        jersey.register(new TokensResource(tokenService));
        jersey.register(new AuditResource(audit));
        jersey.register(new CommandsResource(commands, gateway, environment.getObjectMapper()));
        jersey.register(new InfoResource(gateway, docker.getHost(), docker.isSwarmMode(), instanceId, leadership,
                config.getTes().isEnabled() ? TesResource.BASE : null));
        jersey.register(new NodesResource(gateway));
        jersey.register(new OpenApiResource(version));
        jersey.register(new QueuesResource(new QueueService(store, queueLimits, clock, wakeOnChange)));

        environment.healthChecks().register("docker", new DockerHealthCheck(gateway, docker.isSwarmMode()));
        environment.healthChecks().register("reconciler", new ReconcilerHealthCheck(loop, clock));
        environment.healthChecks().register("lease", new LeaseHealthCheck(leadership));
    }
}
