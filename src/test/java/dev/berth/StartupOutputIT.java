package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.support.BerthProcess;
import dev.berth.support.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A clean start of the jar with the shipped config.yml, as scripts/run does it, prints only Berth's
 * and Dropwizard's own log lines: no logback status lines, no Liquibase output, on a new database
 * and on one already migrated.
 */
class StartupOutputIT {
    private static final String INSTANCE = TestEngine.newInstanceId();
    /** A log line of the shipped layout: level, time, logger of Berth or of Dropwizard, message. */
    private static final Pattern OWN_LINE =
            Pattern.compile("(TRACE|DEBUG|INFO|WARN|ERROR) +\\[[^]]+] (dev\\.berth|io\\.dropwizard)\\.[\\w.$]+: .*");
    /** A line of Dropwizard's lists of resources and tasks at start: method, path, class. */
    private static final Pattern LISTED =
            Pattern.compile(" {4}(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) +/\\S* \\([\\w.$]+\\)");
    /** A line of Dropwizard's request log (the test's own requests for /api/v1/info, say). */
    private static final Pattern REQUEST_LINE =
            Pattern.compile("127\\.0\\.0\\.1 - \\S+ \\[[^]]+] \"[A-Z]+ \\S+ HTTP/[\\d.]+\" \\d{3} .*");

    @AfterAll
    static void cleanUp() {
        TestEngine.removeAllOf(INSTANCE);
    }

    @Test
    void aCleanStartPrintsOnlyBerthsAndDropwizardsLines() throws IOException {
        Path directory = BerthProcess.directoryOf(INSTANCE);
        try (var berth = new BerthProcess(INSTANCE, directory, Map.of(
                "database.url", "jdbc:h2:" + directory.toAbsolutePath().resolve("berth"),
                "reconciler.instanceId", INSTANCE), Path.of("config.yml"))) {
            berth.start(Duration.ofSeconds(90));
            berth.stop();
            List<String> first = Files.readAllLines(berth.log());

            berth.start(Duration.ofSeconds(90));
            berth.stop();
            List<String> second = Files.readAllLines(berth.log());

            assertThat(first).anyMatch(line -> line.contains("dev.berth.db.Database: applying"));
            assertThat(second).noneMatch(line -> line.contains("applying"));
            // The first start creates the admin token and says where it is, never what it is.
            String token = berth.adminToken().token();
            assertThat(first).anyMatch(line -> line.contains("created the admin token and wrote it to"));
            assertThat(second).noneMatch(line -> line.contains("created the admin token"));
            assertThat(first).noneMatch(line -> line.contains(token));
            assertThat(second).noneMatch(line -> line.contains(token));
            for (List<String> start : List.of(first, second)) {
                assertThat(start).as("the start's output").anyMatch(line -> line.contains("Starting berth"))
                        .allMatch(StartupOutputIT::isOwnLine);
            }
        }
    }

    /** Blank, a line of Dropwizard's lists of resources and tasks, or a log line of Berth's or Dropwizard's. */
    private static boolean isOwnLine(String line) {
        return line.isBlank() || LISTED.matcher(line).matches() || OWN_LINE.matcher(line).matches()
                || REQUEST_LINE.matcher(line).matches();
    }
}
