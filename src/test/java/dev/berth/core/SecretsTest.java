package dev.berth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final FromCommand FROM = new FromCommand("c", "1",
            Map.of("TOKEN", "hunter2", "KEYS", List.of("k1", "k2"), "PLAIN", "seen"), Map.of(), List.of("TOKEN", "KEYS"));
    private static final JobSpec SPEC = new JobSpec(null, null, null, null, null, null, null, null, null, FROM, null);

    @Test
    void theStoredSpecHoldsTheMaskAndOnlyALaunchGetsTheValuesBack() {
        Secrets.Split split = Secrets.split(SPEC);

        assertThat(split.shown().fromCommand().params())
                .containsEntry("TOKEN", "*****").containsEntry("KEYS", "*****").containsEntry("PLAIN", "seen");
        assertThat(split.secrets().values()).containsOnlyKeys("TOKEN", "KEYS");
        assertThat(split.secrets().restore(split.shown())).isEqualTo(SPEC);
        assertThat(split.secrets().toString()).doesNotContain("hunter2").contains("TOKEN");
    }

    @Test
    void theMaskerHidesEveryValueAndEveryItemOfAList() {
        SensitiveValues masker = Secrets.split(SPEC).secrets().masker();

        assertThat(masker.mask("hunter2 k1 k2 seen")).isEqualTo("***** ***** ***** seen");
    }

    @Test
    void aSpecWithoutSensitiveInputsIsKeptAsItIs() {
        var plain = new JobSpec("img:1", List.of("true"), null, null, null, null, null, null, null, null, null);

        assertThat(Secrets.split(plain).shown()).isSameAs(plain);
        assertThat(Secrets.split(plain).secrets().isEmpty()).isTrue();
    }
}
