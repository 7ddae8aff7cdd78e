package dev.berth.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a missing image to the engine, but only when the operator allows pulls. */
final class ImageSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSource.class);

    private final DockerClient docker;
    private final boolean pullMissingImages;
    private final Duration pullTimeout;
    private final RegistryCredentials credentials;

    /** {@code credentials} null: pulls are anonymous. */
    ImageSource(DockerClient docker, boolean pullMissingImages, Duration pullTimeout, RegistryCredentials credentials) {
        this.docker = docker;
        this.pullMissingImages = pullMissingImages;
        this.pullTimeout = pullTimeout;
        this.credentials = credentials;
    }

    /** Empty when the image is now present; otherwise why it is not. */
    Optional<String> ensurePresent(String image) {
        if (!pullMissingImages) {
            return Optional.of("image " + image + " is not present on the engine and docker.pullMissingImages is false");
        }
        LOG.info("pulling missing image {}", image);
        try {
            var pull = docker.pullImageCmd(image);
            if (credentials != null && credentials.appliesTo(image)) {
                pull.withAuthConfig(new AuthConfig().withUsername(credentials.username())
                        .withPassword(credentials.password()).withRegistryAddress(credentials.serverAddress()));
            }
            boolean done = pull.start()
                    .awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return done ? Optional.empty() : Optional.of("pulling " + image + " took over " + pullTimeout);
        } catch (DockerException e) {
            return Optional.of("image " + image + " could not be pulled: " + DockerErrors.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while pulling " + image);
        }
    }
}
