package dev.berth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The config.yml users start Berth with must load as shipped, and a section left empty means its defaults. */
class ShippedConfigTest {
    private final YamlConfigurationFactory<BerthConfiguration> factory = new YamlConfigurationFactory<>(
            BerthConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    @Test
    void theShippedConfigLoadsWithItsDocumentedValues() throws Exception {
        BerthConfiguration config = factory.build(new FileConfigurationSourceProvider(), "config.yml");

        assertThat(config.getDocker().isSwarmMode()).isFalse();
        assertThat(config.getReconciler().isLaunch()).isTrue();
        assertThat(config.getJobs().getTtlAfterFinished()).isNull();
        assertThat(config.getDatabase().getUrl()).isEqualTo("jdbc:h2:./data/berth");
    }

    /** -Ddw.<path>=value needs every section of the file to be an object: an empty one cannot take a key. */
    @Test
    void theShippedConfigTakesAnOverrideOfEveryDocumentedKind() throws Exception {
        System.setProperty("dw.jobs.ttlAfterFinished", "7d");
        System.setProperty("dw.docker.swarmMode", "true");
        try {
            BerthConfiguration config = factory.build(new FileConfigurationSourceProvider(), "config.yml");

            assertThat(config.getJobs().getTtlAfterFinished()).hasToString("7 days");
            assertThat(config.getDocker().isSwarmMode()).isTrue();
        } finally {
            System.clearProperty("dw.jobs.ttlAfterFinished");
            System.clearProperty("dw.docker.swarmMode");
        }
    }

    @Test
    void theCapacityIsTheEngineHostsUnlessANumberIsGivenAndAnythingElseIsRefusedAtStart() throws Exception {
        BerthConfiguration shipped = factory.build(new FileConfigurationSourceProvider(), "config.yml");
        System.setProperty("dw.docker.capacity.cpus", "2.5");
        System.setProperty("dw.docker.capacity.overcommit", "1.5");
        BerthConfiguration given;
        try {
            given = factory.build(new FileConfigurationSourceProvider(), "config.yml");
        } finally {
            System.clearProperty("dw.docker.capacity.cpus");
            System.clearProperty("dw.docker.capacity.overcommit");
        }
        String bad = "docker:\n  capacity:\n    cpus: '2e3'\n    memoryMb: -5\n    overcommit: -1\n";

        assertThat(shipped.getDocker().getCapacity().getCpus()).as("auto").isNull();
        assertThat(shipped.getDocker().getCapacity().getMemoryMb()).as("auto").isNull();
        assertThat(shipped.getDocker().getCapacity().getOvercommit()).isEqualTo(1.0);
        assertThat(given.getDocker().getCapacity().getCpus()).isEqualTo(2.5);
        assertThat(given.getDocker().getCapacity().getOvercommit()).isEqualTo(1.5);
        assertThatThrownBy(() -> factory.build(path -> new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "bad-capacity.yml"))
                .hasMessageContaining("docker.capacity.cpusValid cpus must be auto or a number above 0")
                .hasMessageContaining("docker.capacity.memoryMbValid memoryMb must be auto or a whole number")
                .hasMessageContaining("docker.capacity.overcommit must be greater than 0");
    }

    @Test
    void sectionsLeftEmptyMeanTheirDefaults() throws Exception {
        String yaml = "docker:\nreconciler:\nlogs:\napi:\njobs:\n  # ttlAfterFinished: 7d\n";

        BerthConfiguration config = factory.build(
                path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "empty-sections.yml");

        assertThat(config.getDocker().isSwarmMode()).isFalse();
        assertThat(config.getReconciler().isLaunch()).isTrue();
        assertThat(config.getLogs()).isNotNull();
        assertThat(config.getApi()).isNotNull();
        assertThat(config.getJobs().getTtlAfterFinished()).isNull();
    }
}
