package dev.berth.reconcile;

import static dev.berth.support.Jobs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.core.Backend;
import dev.berth.support.Jobs;
import dev.berth.support.SettableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceListingTest {
    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void swarmModeListsServicesInEveryPass() {
        ServiceListing listing = new ServiceListing(Backend.SERVICE, clock);
        listing.passed(true, List.of());

        assertThat(listing.due()).isTrue();
    }

    @Test
    void containerModeListsThemInTheFirstPassThenOnlyEveryLeftoverCheck() {
        ServiceListing listing = new ServiceListing(Backend.CONTAINER, clock);
        assertThat(listing.due()).isTrue();
        listing.passed(true, List.of(Jobs.running("a", "c1")));

        clock.set(NOW.plus(ServiceListing.LEFTOVER_CHECK).minusMillis(1));
        assertThat(listing.due()).isFalse();
        clock.set(NOW.plus(ServiceListing.LEFTOVER_CHECK));
        assertThat(listing.due()).isTrue();
    }

    @Test
    void containerModeListsThemInEveryPassWhileAJobLaunchedAsAServiceIsFollowed() {
        ServiceListing listing = new ServiceListing(Backend.CONTAINER, clock);
        listing.passed(true, List.of(Jobs.launching("a", "s1", Jobs.spec(), Backend.SERVICE)));

        clock.set(NOW.plus(Duration.ofSeconds(1)));
        assertThat(listing.due()).isTrue();

        listing.passed(true, List.of());
        clock.set(NOW.plus(Duration.ofSeconds(2)));
        assertThat(listing.due()).isFalse();
    }

    @Test
    void aListingThatCouldNotShowServicesDoesNotCountAsOne() {
        ServiceListing listing = new ServiceListing(Backend.CONTAINER, clock);
        listing.passed(false, List.of());

        assertThat(listing.due()).isTrue();
    }
}
