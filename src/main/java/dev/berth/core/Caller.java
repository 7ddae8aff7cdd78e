package dev.berth.core;

import java.security.Principal;

/** Who made a request: the name of the token it carried (the owner of what it submits) and its role. */
public record Caller(String name, Role role) implements Principal {

    /** Everyone, as one admin, when authentication is off (a single-user laptop). */
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.admin);

    @Override
    public String getName() {
        return name;
    }

    /** Whether jobs of every owner are this caller's to read (a submitter sees its own only). */
    public boolean seesEveryJob() {
        return role != Role.submitter;
    }

    /** Whether the job's owner is this caller, or the caller may act on anyone's. */
    public boolean mayTouch(String owner) {
        return seesEveryJob() || name.equals(owner);
    }
}
