package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Task;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swarm has no "wait" for a task, so the swarm baseline polls. One watcher lists all of the run's
 * tasks every 100 ms, rather than one poll per job: a hundred pollers would load the manager that
 * the baseline is measuring, and make the baseline slower than it needs to be.
 */
final class TaskWatcher implements AutoCloseable {
    private static final Set<String> TERMINAL = Set.of("complete", "failed", "rejected", "shutdown", "orphaned");
    private static final long POLL_MILLIS = 100;

    private final DockerClient docker;
    private final Map<String, String> runLabel;
    private final Map<String, CompletableFuture<Task>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TaskWatcher(DockerClient docker, String runId) {
        this.docker = docker;
        this.runLabel = Map.of(BenchSettings.RUN_LABEL, runId);
        this.thread = new Thread(this::poll, "bench-task-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes with the service's task once that task has ended. */
    CompletableFuture<Task> terminalTask(String serviceId) {
        return waiting.computeIfAbsent(serviceId, id -> new CompletableFuture<>());
    }

    private void poll() {
        while (running) {
            try {
                if (!waiting.isEmpty()) {
                    for (Task task : docker.listTasksCmd().withLabelFilter(runLabel).exec()) {
                        String state = task.getStatus() == null || task.getStatus().getState() == null ? null
                                : task.getStatus().getState().getValue();
                        var future = waiting.get(task.getServiceId());
                        if (future != null && TERMINAL.contains(state)) {
                            waiting.remove(task.getServiceId());
                            future.complete(task);
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.err.println("  listing tasks failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
