package dev.berth.docker;

import dev.berth.core.Backend;
import dev.berth.core.CapturedLog;
import dev.berth.core.LineMasker;
import dev.berth.core.SensitiveValues;
import dev.berth.core.StepOutput;
import dev.berth.core.StreamName;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A gateway for one job whose every text from the engine has the job's sensitive values masked:
 * observation messages, refusals, errors, captured and followed output. The engine is the only
 * source of such text that Berth did not write itself (a program prints its token, an engine error
 * quotes the command line), so masking here covers the API, the events, the stored output and the
 * server's own log lines alike.
 */
final class MaskingGateway implements DockerGateway {
    private final DockerGateway engine;
    private final SensitiveValues secrets;

    MaskingGateway(DockerGateway engine, SensitiveValues secrets) {
        this.engine = engine;
        this.secrets = secrets;
    }

    @Override
    public EngineInfo engineInfo() {
        return engine.engineInfo();
    }

    @Override
    public EngineListing listWorkloads(boolean withServices) {
        return masked(() -> engine.listWorkloads(withServices));
    }

    @Override
    public LaunchOutcome launch(Backend backend, LaunchRequest request) {
        LaunchOutcome outcome = masked(() -> engine.launch(backend, request));
        if (outcome instanceof LaunchOutcome.Refused refused) {
            return new LaunchOutcome.Refused(refused.reason(), secrets.mask(refused.message()));
        }
        return outcome;
    }

    @Override
    public void stop(Workload workload, Duration grace) {
        masked(() -> engine.stop(workload, grace));
    }

    @Override
    public void start(Workload workload) {
        masked(() -> engine.start(workload));
    }

    @Override
    public Optional<Observation> observe(Workload workload) {
        return masked(() -> engine.observe(workload)).map(this::mask);
    }

    @Override
    public Optional<Observation> observeAsListed(Workload workload) {
        return masked(() -> engine.observeAsListed(workload)).map(this::mask);
    }

    private Observation mask(Observation seen) {
        return new Observation(seen.phase(), seen.reason(), secrets.mask(seen.message()), seen.exitCode(),
                seen.startedAt(), seen.finishedAt(), seen.containerId(), seen.serviceId(), seen.taskId(),
                seen.nodeId(), seen.nodeHostname(), seen.stranded() == null ? null : secrets.mask(seen.stranded()));
    }

    @Override
    public StepOutput logs(Workload workload, int maxBytes) {
        StepOutput output = masked(() -> engine.logs(workload, maxBytes));
        return new StepOutput(mask(output.stdout()), mask(output.stderr()));
    }

    @Override
    public Optional<Map<String, String>> imageLabels(String image) {
        return masked(() -> engine.imageLabels(image));
    }

    /**
     * Whole lines are masked as they come, each stream on its own, the last unfinished lines when
     * the stream is closed. The engine's log driver hands over whole lines (it holds a partial one
     * up to 16 KiB), so only a longer line arrives in pieces, and a line of the other stream in
     * between must not cut a value in it in two. The engine's thread delivers while a closing
     * thread may finish.
     */
    @Override
    public LogStream followLogs(Workload workload, Integer tail, LogSink sink) {
        Map<StreamName, LineMasker> maskers = new EnumMap<>(StreamName.class);
        Object lock = new Object();
        LogStream stream = masked(() -> engine.followLogs(workload, tail, (name, chunk) -> {
            synchronized (lock) {
                byte[] lines = maskers.computeIfAbsent(name, n -> new LineMasker(secrets)).accept(chunk);
                if (lines.length > 0) {
                    sink.accept(name, lines);
                }
            }
        }));
        return new LogStream() {
            @Override
            public boolean awaitEnd(Duration timeout) throws InterruptedException {
                return stream.awaitEnd(timeout);
            }

            @Override
            public void close() {
                stream.close();
                synchronized (lock) {
                    maskers.forEach((name, masker) -> {
                        byte[] rest = masker.finish();
                        if (rest.length > 0) {
                            sink.accept(name, rest);
                        }
                    });
                }
            }
        };
    }

    @Override
    public void remove(Workload workload) {
        masked(() -> engine.remove(workload));
    }

    @Override
    public Optional<List<SwarmNode>> nodes() {
        return engine.nodes();
    }

    @Override
    public List<AttemptVolume> listVolumes() {
        return engine.listVolumes();
    }

    @Override
    public boolean removeVolume(String name) {
        return engine.removeVolume(name);
    }

    @Override
    public DockerGateway forJob(SensitiveValues others) {
        return engine.forJob(others);
    }

    private CapturedLog mask(CapturedLog log) {
        return new CapturedLog(secrets.mask(log.text()), log.droppedBytes());
    }

    private void masked(Runnable call) {
        masked(() -> {
            call.run();
            return null;
        });
    }

    /** An engine error can quote the job's command: it leaves masked, without the cause that holds it. */
    private <T> T masked(Supplier<T> call) {
        try {
            return call.get();
        } catch (CreateWithheldException e) {
            throw e; // Berth's own words, with nothing of the job's
        } catch (EngineUnavailableException e) {
            throw new EngineUnavailableException(secrets.mask(e.getMessage()), null);
        } catch (EngineErrorException e) {
            throw new EngineErrorException(secrets.mask(e.getMessage()), null);
        } catch (GatewayException e) {
            throw new GatewayException(secrets.mask(e.getMessage()), null);
        }
    }
}
