package dev.berth.resources;

/** The role names endpoints allow ({@code @RolesAllowed}); an admin's token passes every one. */
final class Roles {
    static final String VIEWER = "viewer";
    static final String SUBMITTER = "submitter";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
