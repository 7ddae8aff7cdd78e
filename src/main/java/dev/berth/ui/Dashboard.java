package dev.berth.ui;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * The web dashboard: static files from the jar's {@code ui/} folder at {@code /ui/} on the API's
 * port, with no build step at run time. They call the same /api/v1 as any client, with the token
 * the user gives, so the dashboard can do nothing its token could not.
 */
public final class Dashboard {
    public static final String PATH = "/ui/";

    private Dashboard() {
    }

    public static AssetsBundle assets() {
        return new AssetsBundle("/ui/", PATH, "index.html", "dashboard");
    }

    public static void protect(Environment environment) {
        environment.servlets().addFilter("dashboard-headers", new DashboardHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH + "*");
    }
}
