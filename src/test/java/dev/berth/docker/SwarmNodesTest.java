package dev.berth.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node as the engine's API describes it (the shape of GET /nodes), in Berth's words. */
class SwarmNodesTest {

    @Test
    void aWorkerWithGpusShowsItsLabelsResourcesAndGenericResources() throws Exception {
        var json = new ObjectMapper().readTree("""
                {"ID": "w2id", "Spec": {"Role": "worker", "Availability": "drain", "Labels": {"zone": "b"}},
                 "Description": {"Hostname": "lab-w2",
                   "Resources": {"NanoCPUs": 2000000000, "MemoryBytes": 4294967296,
                     "GenericResources": [
                       {"NamedResourceSpec": {"Kind": "gpu", "Value": "gpu0"}},
                       {"NamedResourceSpec": {"Kind": "gpu", "Value": "gpu1"}},
                       {"DiscreteResourceSpec": {"Kind": "ssd", "Value": 3}}]},
                   "Engine": {"EngineVersion": "20.10.24", "Labels": {"rack": "r1"}}},
                 "Status": {"State": "down", "Addr": "10.77.0.4"}}
                """);

        SwarmNode node = SwarmNodes.toNode(json);

        assertThat(node.id()).isEqualTo("w2id");
        assertThat(node.hostname()).isEqualTo("lab-w2");
        assertThat(node.role()).isEqualTo("worker");
        assertThat(node.state()).isEqualTo("down");
        assertThat(node.availability()).isEqualTo("drain");
        assertThat(node.address()).isEqualTo("10.77.0.4");
        assertThat(node.leader()).as("only managers have a manager status").isNull();
        assertThat(node.labels()).isEqualTo(Map.of("zone", "b"));
        assertThat(node.engineLabels()).isEqualTo(Map.of("rack", "r1"));
        assertThat(node.cpus()).isEqualTo(2.0);
        assertThat(node.memoryMb()).isEqualTo(4096);
        assertThat(node.generic()).isEqualTo(Map.of("gpu", List.of("gpu0", "gpu1"), "ssd", 3L));
    }
}
