package dev.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (Debian's package) against one URL and reads its summary. Every run is bounded in time
 * (-d, and killed if it overruns). The scripts send the server's token, which they read from the
 * environment rather than -H: a command line is public to every user of the machine.
 */
final class Wrk {
    static final int THREADS = 2;
    static final int CONNECTIONS = 16;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    /** One wrk run's summary. */
    record Run(double requestsPerSecond, double p99Millis, long requests, long errors, String socketErrors) {
    }

    private final Path scripts;
    private final String image;
    private final String token;

    Wrk(Path scripts, String image, String token) {
        this.scripts = scripts;
        this.image = image;
        this.token = token;
    }

    Run run(String script, URI url, Duration duration, List<String> scriptArgs) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS,
                "-d" + duration.toSeconds() + "s", "--timeout", "10s", "--latency",
                "-s", scripts.resolve(script).toString(), url.toString()));
        if (!scriptArgs.isEmpty()) {
            command.add("--");
            command.addAll(scriptArgs);
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BERTH_BENCH_IMAGE", image);
        builder.environment().put("BERTH_BENCH_TOKEN", token);
        Process wrk = builder.start();
        if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk ran past its duration");
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static Run parse(String output) {
        return new Run(Double.parseDouble(find(RATE, output, "0")), p99Millis(output),
                Long.parseLong(find(TOTAL, output, "0")), Long.parseLong(find(ERRORS, output, "0")),
                find(SOCKET_ERRORS, output, "none"));
    }

    private static double p99Millis(String output) {
        Matcher m = P99.matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String output, String fallback) {
        Matcher m = pattern.matcher(output);
        return m.find() ? m.group(1) : fallback;
    }
}
