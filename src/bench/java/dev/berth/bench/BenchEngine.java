package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;

/**
 * Where the jobs run and what they run: this machine's engine and the local test image, or the
 * 3-node swarm bed of scripts/swarm-lab through its manager and the test image by registry digest.
 * Every Docker client, Berth server, cleanup and task watcher of a run uses this one host.
 */
record BenchEngine(String dockerHost, String image, boolean swarmBed) {
    private static final String MAIN_ENGINE = "unix:///var/run/docker.sock";
    private static final String TEST_IMAGE = "berth-test-busybox:1";

    /** From scripts/bench's properties; the BERTH_BENCH_* variables are older ways to say the same. */
    static BenchEngine fromProperties() {
        return new BenchEngine(setting("bench.dockerHost", "BERTH_BENCH_DOCKER_HOST", MAIN_ENGINE),
                setting("bench.image", "BERTH_BENCH_IMAGE", TEST_IMAGE),
                Boolean.parseBoolean(System.getProperty("bench.swarmBed", "false")));
    }

    /**
     * The image as the swarm baseline names it. On one node: the local image's id, since a tag would
     * make swarm try a pull before each task. On the bed: the digest reference as given, since the
     * workers have no local copy and pull it from the bed's registry (Berth is given the same).
     */
    String swarmImage(DockerClient docker) {
        return swarmBed ? image : docker.inspectImageCmd(image).exec().getId();
    }

    /** A figure's or a section's name in the report, saying where it was measured if not on one node. */
    String label(String what) {
        return swarmBed ? what + " on the 3-node bed" : what;
    }

    /** For the machine table: which engine answered, on the bed. */
    String engineNote() {
        return swarmBed ? "; the manager of the bed (" + dockerHost + "), whose three dockerds share this machine" : "";
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
