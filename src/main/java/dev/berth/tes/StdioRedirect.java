package dev.berth.tes;

import java.util.List;

/**
 * An executor's stdin, stdout and stderr as files inside its container. Docker has no option for
 * that, so the executor's argv runs under {@code /bin/sh -c 'exec "$@" <in >out 2>err'}: the image
 * must have {@code /bin/sh}, and its own entrypoint is replaced. Without these paths the argv runs as
 * {@code docker run} would run it.
 */
final class StdioRedirect {
    private StdioRedirect() {
    }

    static boolean wanted(TesExecutor executor) {
        return executor.stdin() != null || executor.stdout() != null || executor.stderr() != null;
    }

    /** The entrypoint that runs the executor's command with its redirections. */
    static List<String> entrypoint(TesExecutor executor) {
        StringBuilder script = new StringBuilder("exec \"$@\"");
        if (executor.stdin() != null) {
            script.append(" <").append(quoted(executor.stdin()));
        }
        if (executor.stdout() != null) {
            script.append(" >").append(quoted(executor.stdout()));
        }
        if (executor.stderr() != null) {
            script.append(" 2>").append(quoted(executor.stderr()));
        }
        return List.of("/bin/sh", "-c", script.toString(), "sh");
    }

    /** A path as one shell word: single-quoted, each ' written as '\''. */
    private static String quoted(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
