package dev.berth.docker;

/** A user and password for one image registry; {@code serverAddress} as image names spell it. */
public record RegistryCredentials(String serverAddress, String username, String password) {

    /** Only the registry these are for may see them: an image of another registry gets none. */
    boolean appliesTo(String image) {
        return ImageNames.registryOf(image).equals(serverAddress);
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + serverAddress + ", " + username + "]";
    }
}
