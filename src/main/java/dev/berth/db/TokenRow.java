package dev.berth.db;

/** One API token as stored: its name, role and the hash of the token (never the token). */
public record TokenRow(String name, String role, String tokenHash, long createdAt, String createdBy) {

    /** Without the hash, which has no place in a log. */
    @Override
    public String toString() {
        return "TokenRow[name=" + name + ", role=" + role + "]";
    }
}
