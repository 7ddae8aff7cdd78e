package dev.berth.db;

/** A token of that name exists already: revoke it first to give the name a new token. */
public class TokenNameTakenException extends RuntimeException {
    public TokenNameTakenException(String name, Throwable cause) {
        super("a token named " + name + " exists already (revoke it first to give the name a new token)", cause);
    }
}
