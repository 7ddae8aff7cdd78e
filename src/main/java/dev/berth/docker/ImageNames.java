package dev.berth.docker;

import java.util.List;
import java.util.Optional;

/** How Docker reads an image reference: {@code [registry/]path[:tag][@digest]}. */
final class ImageNames {
    private static final String DOCKER_HUB = "docker.io";

    private ImageNames() {
    }

    /** A reference by digest names one image for ever: every node resolves it alike. */
    static boolean isByDigest(String image) {
        return image.contains("@sha256:");
    }

    /** The reference without its tag (and digest): what a registry digest of it is written with. */
    static String repositoryOf(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    /** The registry a node pulls the image from: the first part when it names a host, else Docker Hub. */
    static String registryOf(String image) {
        if (image.startsWith("sha256:")) {
            return ""; // a local image id comes from no registry
        }
        int slash = image.indexOf('/');
        if (slash < 0) {
            return DOCKER_HUB;
        }
        String first = image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : DOCKER_HUB;
    }

    /**
     * The image's registry digest that any node can pull: the one of its own repository, else any
     * other it was pushed or pulled as (the same content); empty when it never met a registry.
     */
    static Optional<String> registryDigest(String image, List<String> repoDigests) {
        if (repoDigests == null || repoDigests.isEmpty()) {
            return Optional.empty();
        }
        String repository = repositoryOf(image);
        return repoDigests.stream().filter(d -> repositoryOf(d).equals(repository)
                        || repositoryOf(d).equals("docker.io/library/" + repository)
                        || repositoryOf(d).equals("docker.io/" + repository))
                .findFirst().or(() -> Optional.of(repoDigests.get(0)));
    }
}
