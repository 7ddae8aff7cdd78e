package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
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
 * restarted, created from the image as {@link BenchEngine#swarmImage} names it, waited on through
 * its task, exit code from the task's container status, service logs, removal.
 */
final class SwarmBaseline implements Baseline.JobRunner {
    private final DockerClient docker;
    private final String image;
    private final String runId;
    private final TaskWatcher tasks;

    SwarmBaseline(DockerClient docker, String image, String runId, TaskWatcher tasks) {
        this.docker = docker;
        this.image = image;
        this.runId = runId;
        this.tasks = tasks;
    }

    /** Docker's start and finish of a task's container, epoch ms; NaN where unknown. */
    private record Times(double startedAt, double finishedAt) {
    }

    @Override
    public JobSample run(String name) throws Exception {
        double submittedAt = System.currentTimeMillis();
        String serviceId = docker.createServiceCmd(spec(name)).exec().getId();
        Task task = tasks.terminalTask(serviceId).get(20, TimeUnit.MINUTES);
        var container = task.getStatus().getContainerStatus();
        Long exitCode = container == null ? null : container.getExitCodeLong();
        double exitKnownAt = System.currentTimeMillis();
        Times times = container == null ? new Times(Double.NaN, Double.NaN) : times(task, container.getContainerID());
        String logs = logs(serviceId);
        double outputAt = System.currentTimeMillis();
        docker.removeServiceCmd(serviceId).exec();
        return new JobSample(name, submittedAt, times.startedAt(), times.finishedAt(), exitKnownAt, outputAt,
                Long.valueOf(0).equals(exitCode) && logs.startsWith("bench"));
    }

    /**
     * For the latencies only (Berth inspects the task's container too). On the bed the container may
     * be on a worker, which the manager cannot inspect: then the finish is the task's status
     * timestamp, as Berth takes it, and the start is unknown.
     */
    private Times times(Task task, String containerId) {
        try {
            var state = docker.inspectContainerCmd(containerId).exec().getState();
            return new Times(JobSample.millis(state.getStartedAt()), JobSample.millis(state.getFinishedAt()));
        } catch (NotFoundException onAnotherNode) {
            return new Times(Double.NaN, JobSample.millis(task.getStatus().getTimestamp()));
        }
    }

    private ServiceSpec spec(String name) {
        Map<String, String> labels = Map.of(BenchSettings.RUN_LABEL, runId);
        var task = new TaskSpec()
                .withContainerSpec(new ContainerSpec().withImage(image).withLabels(labels).withArgs(TrivialJob.COMMAND))
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
