package dev.berth.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineMaskerTest {

    @Test
    void aSecretSplitAcrossChunksIsStillMasked() {
        LineMasker masker = new LineMasker(new Secrets(Map.of("TOKEN", "hunter2")).masker());

        String out = new String(masker.accept("token=hun".getBytes(UTF_8)), UTF_8)
                + new String(masker.accept("ter2\nnext ".getBytes(UTF_8)), UTF_8)
                + new String(masker.finish(), UTF_8);

        assertThat(out).isEqualTo("token=*****\nnext ");
    }
}
