package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.BerthConfiguration;
import dev.berth.support.TestEngine;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client's job commands, run as processes against a real Berth on the real engine. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CliJobsTest {
    private static final CliFixture BERTH = new CliFixture();
    static final DropwizardAppExtension<BerthConfiguration> APP = BERTH.app;
    private static final Pattern CREATED = Pattern.compile("^job ([0-9a-z]{26}) created$", Pattern.MULTILINE);
    private static final Duration END = Duration.ofSeconds(60);

    @AfterAll
    static void cleanUp() {
        BERTH.cleanUp();
    }

    @Test
    void runWaitPrintsTheJobsOutputAndExitsWithItsExitCode() {
        String file = BERTH.file("exit3.yaml", BERTH.job("echo hello from the job; exit 3"));

        CliProcess.Run run = BERTH.cli().run("run", "-f", file, "--wait");

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("hello from the job");
        assertThat(run.err()).containsPattern("job [0-9a-z]{26} created").contains("Failed (NonZeroExit) exit 3");
    }

    @Test
    void runWaitFromStdinOfAJobThatSucceedsExitsZero() {
        CliProcess.Run run = BERTH.cli().runWithStdin(BERTH.job("echo fine"), "run", "-f", "-", "--wait");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fine");
    }

    @Test
    void runWaitOfAJobThatEndsWithoutAnExitCodeExits125SayingWhy() {
        String file = BERTH.file("absent.yaml", """
                image: berth-test-absent-image:never
                command: ["true"]
                labels: {run: %s}
                """.formatted(BERTH.instance));

        CliProcess.Run run = BERTH.cli().run("run", "-f", file, "--wait");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.NO_EXIT_CODE);
        assertThat(run.errLines()).last().asString().startsWith("berth: job ").contains("ended Failed (ImageNotFound) without an exit code");
    }

    /** A container that exits 0 on SIGTERM ends Cancelled with exit code 0: a script must not read that as success. */
    @Test
    void runWaitOfAJobCancelledThatExitedZeroExits125() {
        String file = BERTH.file("graceful.yaml", BERTH.job("trap 'exit 0' TERM; echo started; sleep 300 & wait"));
        CliProcess.Started run = BERTH.cli().start("run", "-f", file, "--wait");

        run.awaitOutput("started");
        Matcher created = Pattern.compile("job ([0-9a-z]{26}) created").matcher(run.errSoFar());
        assertThat(created.find()).as(run.errSoFar()).isTrue();
        String id = created.group(1);
        BERTH.api().cancel(id);
        CliProcess.Run ended = run.finish();

        JsonNode status = BERTH.api().getJson("/jobs/" + id).path("status");
        assertThat(status.path("phase").asText()).isEqualTo("Cancelled");
        assertThat(status.path("exitCode").asInt()).isZero();
        assertThat(ended.exit()).as(ended.err()).isEqualTo(ExitCodes.NO_EXIT_CODE);
        assertThat(ended.errLines()).last().asString().contains("ended Cancelled (Cancelled) with exit code 0");
    }

    /** With every follower's place taken (503), run --wait does not give up: it prints the output at the end. */
    @Test
    void runWaitPrintsTheOutputAtTheEndWhenNoLogFollowerIsFree() throws Exception {
        String quiet = ids(BERTH.cli().run("apply", "-f", BERTH.file("quiet.yaml",
                BERTH.job("trap 'exit 0' TERM; sleep 300 & wait"))).out()).get(0);
        BERTH.api().awaitPhase(quiet, java.util.Set.of("Running"), END);
        List<java.io.InputStream> followers = FollowerPlaces.takeAll(BERTH.server(), BERTH.tokenFile(), quiet);
        try {
            CliProcess.Run run = BERTH.cli().run("run", "-f", BERTH.file("unfollowed.yaml",
                    BERTH.job("echo written anyway; exit 4")), "--wait");

            assertThat(run.exit()).as(run.err()).isEqualTo(4);
            assertThat(run.out()).isEqualTo("written anyway\n");
            assertThat(run.err()).contains("the server's log followers are all taken");
        } finally {
            FollowerPlaces.release(followers);
            BERTH.api().cancel(quiet);
            BERTH.api().awaitTerminal(quiet, END);
            FollowerPlaces.awaitFree(BERTH.server(), BERTH.tokenFile(), quiet);
        }
    }

    @Test
    void applyOfTwoYamlDocumentsCreatesTwoJobsAndAgainLeavesANamedOneUnchanged() {
        String file = BERTH.file("two.yaml", "# two jobs\nname: named-" + BERTH.instance + "\n" + BERTH.job("echo one")
                + "---\n" + BERTH.job("echo two"));

        CliProcess.Run first = BERTH.cli().run("apply", "-f", file);
        CliProcess.Run again = BERTH.cli().run("apply", "-f", file);

        assertThat(first.exit()).as(first.err()).isZero();
        List<String> ids = ids(first.out());
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        ids.forEach(id -> assertThat(BERTH.api().getJson("/jobs/" + id).path("id").asText()).isEqualTo(id));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out().lines().toList()).first().isEqualTo("job " + ids.get(0) + " unchanged");
    }

    @Test
    void getJobsAsJsonIsTheServersListingOfTheLabelledJobs() throws Exception {
        String label = "json-" + BERTH.instance;
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("json.yaml", BERTH.job("true").replace(
                "labels: {run: " + BERTH.instance + "}", "labels: {run: " + label + "}"))).out()).get(0);

        CliProcess.Run run = BERTH.cli().run("get", "jobs", "-l", "run=" + label, "-o", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode listing = new ObjectMapper().readTree(run.out());
        assertThat(listing.path("items")).hasSize(1);
        assertThat(listing.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(listing.path("items").get(0).path("labels").path("run").asText()).isEqualTo(label);
    }

    @Test
    void getJobsPrintsATableWhoseColumnsAlign() {
        String label = "table-" + BERTH.instance;
        for (String name : List.of("s-" + BERTH.instance, "a-much-longer-name-" + BERTH.instance)) {
            BERTH.cli().run("apply", "-f", BERTH.file(name + ".yaml", "name: " + name + "\n"
                    + BERTH.job("true").replace("run: " + BERTH.instance, "run: " + label)));
        }

        CliProcess.Run run = BERTH.cli().run("get", "jobs", "-l", "run=" + label);

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        String header = lines.get(0);
        assertThat(header).startsWith("ID").contains("NAME", "PHASE", "REASON", "EXIT", "QUEUE", "OWNER", "AGE");
        for (String column : List.of("NAME", "PHASE", "REASON", "QUEUE", "OWNER", "AGE")) {
            int at = header.indexOf(column);
            for (String row : lines.subList(1, 3)) {
                assertThat(row.charAt(at - 1)).as("before column %s in %s", column, row).isEqualTo(' ');
                assertThat(row.charAt(at)).as("column %s in %s", column, row).isNotEqualTo(' ');
            }
        }
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void logsFollowStreamsTheOutputUntilTheAttemptEnds() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("follow.yaml",
                BERTH.job("echo first line; sleep 2; echo last line"))).out()).get(0);

        CliProcess.Run run = BERTH.cli().run("logs", "-f", id);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("first line").contains("last line");
        assertThat(BERTH.cli().run("logs", "--tail", "1", id).out()).isEqualTo("last line\n");
    }

    /** As {@code berth logs -f ID | head -1}: the client ends at its next write, and lets its follower go. */
    @Test
    void logsFollowEndsWhenItsStdoutIsClosed() throws Exception {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("chatty.yaml",
                BERTH.job("trap 'exit 0' TERM; echo one; while true; do sleep 1; echo more; done"))).out()).get(0);
        Process follow = BERTH.cli().startPiped("logs", "-f", id);
        try {
            var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(follow.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(stdout.readLine()).isEqualTo("one");
            stdout.close();

            assertThat(follow.waitFor(END.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("the client ended after its stdout was closed").isTrue();
            assertThat(follow.exitValue()).isZero();
            assertThat(BERTH.api().getJson("/jobs/" + id).path("status").path("phase").asText()).isEqualTo("Running");
        } finally {
            follow.destroyForcibly();
            BERTH.api().cancel(id);
        }
    }

    @Test
    void logsFollowOfOneStepPrintsThatStepOnly() {
        String file = BERTH.file("steps.yaml", """
                labels: {run: %1$s}
                steps:
                  - {name: prepare, image: %2$s, command: [sh, -c, "echo prepare line; sleep 1"]}
                  - {name: main, image: %2$s, command: [sh, -c, "echo main line"]}
                """.formatted(BERTH.instance, TestEngine.IMAGE));
        String id = ids(BERTH.cli().run("apply", "-f", file).out()).get(0);

        CliProcess.Run run = BERTH.cli().run("logs", "-f", "--step", "main", id);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("main line\n");
    }

    /** The first line is printed while the job still runs: the client passes each chunk on, never holding the stream. */
    @Test
    void logsFollowPrintsEachLineAsTheJobWritesIt() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("live.yaml",
                BERTH.job("echo first line; sleep 300; echo never"))).out()).get(0);
        CliProcess.Started follow = BERTH.cli().start("logs", "-f", id);

        follow.awaitOutput("first line");
        String phaseAtFirstLine = BERTH.api().getJson("/jobs/" + id).path("status").path("phase").asText();
        BERTH.api().cancel(id);
        CliProcess.Run run = follow.finish();

        assertThat(phaseAtFirstLine).isEqualTo("Running");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("first line\n");
    }

    @Test
    void cancelStopsALiveJob() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("cancel.yaml", BERTH.job("sleep 300"))).out()).get(0);

        CliProcess.Run run = BERTH.cli().run("cancel", id);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("job " + id + " ");
        assertThat(BERTH.api().awaitTerminal(id, END).path("status").path("phase").asText()).isEqualTo("Cancelled");
    }

    @Test
    void deleteOfALiveJobIsAOneLine409AndExitsOne() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("live.yaml", BERTH.job("sleep 300"))).out()).get(0);

        CliProcess.Run run = BERTH.cli().run("delete", id);
        BERTH.cli().run("cancel", id);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("berth: 409 conflict: ").contains(id);
    }

    @Test
    void deleteOfAFinishedJobDeletesIt() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("done.yaml", BERTH.job("true"))).out()).get(0);
        BERTH.api().awaitTerminal(id, END);

        CliProcess.Run run = BERTH.cli().run("delete", id);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("job " + id + " deleted\n");
        assertThat(BERTH.cli().run("describe", "job", id).err()).startsWith("berth: 404 not found: ");
    }

    @Test
    void describeJobShowsItsStatusAttemptsStepsAndEvents() {
        String id = ids(BERTH.cli().run("apply", "-f", BERTH.file("describe.yaml", BERTH.job("exit 4"))).out()).get(0);
        BERTH.api().awaitTerminal(id, END);

        CliProcess.Run run = BERTH.cli().run("describe", "job", id);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("ID: +" + id).containsPattern("Phase: +Failed \\(NonZeroExit\\)")
                .containsPattern("Exit code: +4").contains("Attempts:\n  #1 Failed (NonZeroExit) on container")
                .containsPattern("main +Failed +NonZeroExit +4").contains("Events:").contains("Submitted", "Started");
    }

    private static List<String> ids(String applied) {
        Matcher created = CREATED.matcher(applied);
        List<String> ids = new java.util.ArrayList<>();
        while (created.find()) {
            ids.add(created.group(1));
        }
        return ids;
    }
}
