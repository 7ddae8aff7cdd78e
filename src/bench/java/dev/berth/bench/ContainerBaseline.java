package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The direct way to run a job as a plain container with docker-java: create, start, wait, read
 * the exit code, capture the logs, remove. Exactly what Berth does for a job, without Berth.
 */
final class ContainerBaseline implements Baseline.JobRunner {
    private final DockerClient docker;
    private final String image;
    private final String runId;

    ContainerBaseline(DockerClient docker, String image, String runId) {
        this.docker = docker;
        this.image = image;
        this.runId = runId;
    }

    @Override
    public JobSample run(String name) throws Exception {
        double submittedAt = System.currentTimeMillis();
        String id = docker.createContainerCmd(image).withName(name)
                .withLabels(Map.of(BenchSettings.RUN_LABEL, runId)).withCmd(TrivialJob.COMMAND).exec().getId();
        docker.startContainerCmd(id).exec();
        int exitCode = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                .awaitStatusCode(20, TimeUnit.MINUTES);
        double exitKnownAt = System.currentTimeMillis();
        // For the latencies only (Berth inspects too): Docker's own start and finish times.
        var state = docker.inspectContainerCmd(id).exec().getState();
        String logs = logs(id);
        double outputAt = System.currentTimeMillis();
        docker.removeContainerCmd(id).withForce(true).exec();
        return new JobSample(name, submittedAt, JobSample.millis(state.getStartedAt()),
                JobSample.millis(state.getFinishedAt()), exitKnownAt, outputAt, exitCode == 0 && logs.startsWith("bench"));
    }

    private String logs(String id) throws InterruptedException {
        return LogText.read(callback -> docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(false).exec(callback));
    }
}
