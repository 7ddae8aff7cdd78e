package dev.berth.support;

import dev.berth.BerthConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of Berth on the multi-node bed (tag multinode): it refuses to run without the bed (rather than pass
 * proving nothing) and gives each test the API of its class's application.
 */
@Tag("multinode")
@ExtendWith(DropwizardExtensionsSupport.class)
public abstract class OnTheBed {
    protected JobsApi api;

    /** The class's Berth, made with {@link BerthTestApp#onLab}. */
    protected abstract DropwizardAppExtension<BerthConfiguration> app();

    @BeforeAll
    static void bed() {
        LabSwarm.requireBed();
    }

    @BeforeEach
    void connect() {
        api = new JobsApi(app().client(), app().getLocalPort());
    }
}
