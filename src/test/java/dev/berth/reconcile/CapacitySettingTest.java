package dev.berth.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Capacity;
import dev.berth.docker.EngineInfo;
import org.junit.jupiter.api.Test;

/** docker.capacity against what the engine says of its host. */
class CapacitySettingTest {
    private static final EngineInfo TWO_CORES_4_GB = new EngineInfo(true, "26.1", "1.45", false, 2,
            4L * 1024 * 1024 * 1024, null);

    @Test
    void autoIsTheEngineHostsTimesTheOvercommit() {
        assertThat(CapacitySetting.AUTO.resolve(TWO_CORES_4_GB)).contains(new Capacity(2, 4096));
        assertThat(new CapacitySetting(null, null, 1.5).resolve(TWO_CORES_4_GB)).contains(new Capacity(3, 6144));
    }

    @Test
    void givenNumbersNeedNoEngineAndAreOvercommittedToo() {
        var given = new CapacitySetting(1.5, 512L, 2.0);

        assertThat(given.needsEngine()).isFalse();
        assertThat(given.resolve(EngineInfo.unreachable("down"))).contains(new Capacity(3, 1024));
        assertThat(given.given()).isEqualTo(new Capacity(3, 1024));
    }

    @Test
    void autoIsUnknownWhileTheEngineHasNotAnswered() {
        var halfAuto = new CapacitySetting(4.0, null, 1.0);

        assertThat(halfAuto.needsEngine()).isTrue();
        assertThat(halfAuto.resolve(EngineInfo.unreachable("down"))).isEmpty();
        assertThat(halfAuto.resolve(TWO_CORES_4_GB)).contains(new Capacity(4, 4096));
    }
}
