package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The direct way to run a job on the swarm with docker-java: a one-replica service that is never
 * restarted, created from the local image's id (swarm would try to pull a tag before each task),
 * waited on through its task, exit code from the task's container status, service logs, removal.
 */
final class SwarmBaseline implements Baseline.JobRunner {
    private final DockerClient docker;
    private final String imageId;
    private final String runId;
    private final TaskWatcher tasks;

    SwarmBaseline(DockerClient docker, String imageId, String runId, TaskWatcher tasks) {
        this.docker = docker;
        this.imageId = imageId;
        this.runId = runId;
        this.tasks = tasks;
    }

    @Override
    public JobSample run(String name) throws Exception {
        double submittedAt = System.currentTimeMillis();
        String serviceId = docker.createServiceCmd(spec(name)).exec().getId();
        Task task = tasks.terminalTask(serviceId).get(20, TimeUnit.MINUTES);
        var container = task.getStatus().getContainerStatus();
        Long exitCode = container == null ? null : container.getExitCodeLong();
        double exitKnownAt = System.currentTimeMillis();
        // For the latencies only (Berth inspects the task's container too): Docker's start and finish times.
        var state = container == null ? null : docker.inspectContainerCmd(container.getContainerID()).exec().getState();
        String logs = logs(serviceId);
        docker.removeServiceCmd(serviceId).exec();
        return new JobSample(name, submittedAt, state == null ? Double.NaN : JobSample.millis(state.getStartedAt()),
                state == null ? Double.NaN : JobSample.millis(state.getFinishedAt()), exitKnownAt,
                Long.valueOf(0).equals(exitCode) && logs.startsWith("bench"));
    }

    private ServiceSpec spec(String name) {
        Map<String, String> labels = Map.of(BenchSettings.RUN_LABEL, runId);
        var task = new TaskSpec()
                .withContainerSpec(new ContainerSpec().withImage(imageId).withLabels(labels).withArgs(TrivialJob.COMMAND))
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE));
        return new ServiceSpec().withName(name).withLabels(labels)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withTaskTemplate(task);
    }

    private String logs(String serviceId) throws InterruptedException {
        return LogText.read(callback -> docker.logServiceCmd(serviceId).withStdout(true).withStderr(true)
                .withFollow(false).exec(callback));
    }
}
