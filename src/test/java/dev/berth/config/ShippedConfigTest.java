package dev.berth.config;

import static org.assertj.core.api.Assertions.assertThat;

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
