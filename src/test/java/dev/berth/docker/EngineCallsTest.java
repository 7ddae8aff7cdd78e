package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kinds the engine's API calls are counted under. */
class EngineCallsTest {

    @Test
    void eachCallOfAJobsLifeHasItsKind() {
        assertThat(EngineCalls.kindOf("GET", "/v1.45/containers/json?all=1&filters=x")).isEqualTo("list.containers");
        assertThat(EngineCalls.kindOf("POST", "/containers/create?name=berth-1")).isEqualTo("create.container");
        assertThat(EngineCalls.kindOf("POST", "/v1.45/containers/abc/start")).isEqualTo("start.container");
        assertThat(EngineCalls.kindOf("POST", "/containers/abc/wait")).isEqualTo("wait.container");
        assertThat(EngineCalls.kindOf("GET", "/containers/abc/json")).isEqualTo("inspect.container");
        assertThat(EngineCalls.kindOf("GET", "/containers/abc/logs?stdout=1")).isEqualTo("logs.container");
        assertThat(EngineCalls.kindOf("DELETE", "/containers/abc?force=1")).isEqualTo("remove.container");
        assertThat(EngineCalls.kindOf("POST", "/containers/abc/stop?t=10")).isEqualTo("stop.container");
    }

    @Test
    void swarmImagesAndTheEngineItselfToo() {
        assertThat(EngineCalls.kindOf("GET", "/services?filters=x")).isEqualTo("list.services");
        assertThat(EngineCalls.kindOf("GET", "/services/svc1")).isEqualTo("inspect.service");
        assertThat(EngineCalls.kindOf("POST", "/services/create")).isEqualTo("create.service");
        assertThat(EngineCalls.kindOf("DELETE", "/services/svc1")).isEqualTo("remove.service");
        assertThat(EngineCalls.kindOf("GET", "/tasks?filters=x")).isEqualTo("list.tasks");
        assertThat(EngineCalls.kindOf("GET", "/nodes/n1")).isEqualTo("inspect.node");
        assertThat(EngineCalls.kindOf("GET", "/images/json")).isEqualTo("list.images");
        assertThat(EngineCalls.kindOf("GET", "/images/10.77.0.5:5000/busybox@sha256:ab/json")).isEqualTo("inspect.image");
        assertThat(EngineCalls.kindOf("POST", "/volumes/create")).isEqualTo("create.volume");
        assertThat(EngineCalls.kindOf("GET", "/v1.45/info")).isEqualTo("info");
        assertThat(EngineCalls.kindOf("GET", "/_ping")).isEqualTo("_ping");
        assertThat(EngineCalls.kindOf("GET", "/")).isEqualTo("other");
    }

    @Test
    void theSnapshotCountsEachKind() {
        var calls = new EngineCalls();
        calls.count("POST", "/containers/a/start");
        calls.count("POST", "/containers/b/start");
        calls.count("GET", "/containers/json");

        assertThat(calls.snapshot()).containsExactly(java.util.Map.entry("list.containers", 1L),
                java.util.Map.entry("start.container", 2L));
    }
}
