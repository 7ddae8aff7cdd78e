package dev.berth.api;

import java.util.Map;

/**
 * A job's command reference as a user writes it: the command's name, an optional version (newest
 * when absent), runtime values by input name and host paths by mount name.
 */
public record FromCommandManifest(String name, String version, Map<String, Object> params,
                                  Map<String, String> mounts) {
}
