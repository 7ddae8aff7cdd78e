package dev.berth.jobs;

import dev.berth.core.Backend;
import dev.berth.core.Job;
import dev.berth.docker.BerthLabels;
import dev.berth.docker.DockerGateway;
import dev.berth.docker.GatewayException;
import dev.berth.docker.Workload;
import dev.berth.docker.WorkloadState;

/** Reads the output of a job that is still running straight from the engine. */
public class LiveLogs {
    private final DockerGateway docker;
    private final int maxBytes;

    public LiveLogs(DockerGateway docker, int maxBytes) {
        this.docker = docker;
        this.maxBytes = maxBytes;
    }

    /** Empty text when the job has no object yet or the engine cannot be asked. */
    public String read(Job job) {
        Backend backend = job.status().backend();
        String objectId = backend == Backend.SERVICE ? job.status().serviceId() : job.status().containerId();
        if (objectId == null || job.isTerminal()) {
            return "";
        }
        var workload = new Workload(job.id(), job.currentAttempt(), backend, objectId,
                BerthLabels.objectName(job.id(), job.currentAttempt()), WorkloadState.ACTIVE);
        try {
            return docker.logs(workload, maxBytes).text();
        } catch (GatewayException e) {
            return "";
        }
    }
}
