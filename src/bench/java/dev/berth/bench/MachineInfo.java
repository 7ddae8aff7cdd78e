package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine the figures belong to. */
record MachineInfo(int cores, String cpuModel, long memoryMb, String engine, String kernel, String java,
                   Instant date, String commit) {

    static MachineInfo read(DockerClient docker, String commit) throws IOException {
        var version = docker.versionCmd().exec();
        Info info = docker.infoCmd().exec();
        String engine = version.getVersion() + " (API " + version.getApiVersion() + ", " + info.getDriver()
                + ", swarm " + (isSwarmManager(info) ? "manager of " + nodes(info) : "off") + ")";
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMb(), engine,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), commit);
    }

    static boolean isSwarmManager(DockerClient docker) {
        return isSwarmManager(docker.infoCmd().exec());
    }

    private static boolean isSwarmManager(Info info) {
        return info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
    }

    /** How many nodes the swarm has: one on this machine's engine, three on the bed. */
    private static String nodes(Info info) {
        Integer nodes = info.getSwarm().getNodes();
        return nodes == null ? "an unknown number of nodes" : nodes == 1 ? "1 node" : nodes + " nodes";
    }

    private static String readCpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static long readMemoryMb() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
    }
}
