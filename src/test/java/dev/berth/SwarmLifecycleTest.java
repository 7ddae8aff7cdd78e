package dev.berth;

import dev.berth.support.BerthTestApp;
import dev.berth.support.CommandJobChecks;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

@org.junit.jupiter.api.Tag("swarm")
@ExtendWith(DropwizardExtensionsSupport.class)
class SwarmLifecycleTest extends LifecycleScenarios implements StepScenarios {
    private static final String INSTANCE = TestEngine.newInstanceId();
    private static final Path ROOT = CommandJobChecks.mountRoot(INSTANCE);
    static final DropwizardAppExtension<BerthConfiguration> APP = BerthTestApp.create(INSTANCE,
            lifecycleConfig(INSTANCE, ROOT, true));

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Override
    public DropwizardAppExtension<BerthConfiguration> app() {
        return APP;
    }

    @Override
    public Path mountRoot() {
        return ROOT;
    }
}
