package dev.berth.tes;

import dev.berth.BerthConfiguration;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The TES scenarios with docker.swarmMode: true. */
@Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmTesTest implements TesScenarios {
    private static final String INSTANCE = TestEngine.newInstanceId();
    static final DropwizardAppExtension<BerthConfiguration> APP = TesScenarios.app(INSTANCE, true);

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Override
    public DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @Override
    public String instance() {
        return INSTANCE;
    }
}
