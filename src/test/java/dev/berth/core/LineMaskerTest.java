package dev.berth.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.FromCommand;
import dev.berth.core.JobSpec;
import dev.berth.core.SensitiveValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineMaskerTest {

    @Test
    void aSecretSplitAcrossChunksIsStillMasked() {
        var from = new FromCommand("c", "1", Map.of("TOKEN", "hunter2"), Map.of(), List.of("TOKEN"));
        var spec = new JobSpec(null, null, null, null, null, null, null, null, null, from, null);
        LineMasker masker = new LineMasker(SensitiveValues.of(spec));

        String out = new String(masker.accept("token=hun".getBytes(UTF_8)), UTF_8)
                + new String(masker.accept("ter2\nnext ".getBytes(UTF_8)), UTF_8)
                + new String(masker.finish(), UTF_8);

        assertThat(out).isEqualTo("token=*****\nnext ");
    }
}
