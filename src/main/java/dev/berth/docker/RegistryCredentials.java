package dev.berth.docker;

/** A user and password for one image registry; {@code serverAddress} as image names spell it. */
public record RegistryCredentials(String serverAddress, String username, String password) {
    @Override
    public String toString() {
        return "RegistryCredentials[" + serverAddress + ", " + username + "]";
    }
}
