package dev.berth.tes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How task URLs become host paths, and how executors' redirections are written for the shell. */
class TesPathsTest {

    @Test
    void fileUrlsOfThisHostAndAbsolutePathsAreHostPaths() {
        List<String> problems = new ArrayList<>();
        assertThat(HostPaths.of("file:///data/a%20b.txt", "url", problems)).contains(Path.of("/data/a b.txt"));
        assertThat(HostPaths.of("file://localhost/data/x", "url", problems)).contains(Path.of("/data/x"));
        assertThat(HostPaths.of("/data/x", "url", problems)).contains(Path.of("/data/x"));
        assertThat(problems).isEmpty();
    }

    @Test
    void otherSchemesHostsAndRelativeOrDottedPathsAreRefusedByName() {
        for (String url : List.of("s3://bucket/x", "gs://b/x", "https://example.org/x", "file://otherhost/x",
                "data/x", "file:///data/../etc/passwd", "/data/./x", "")) {
            List<String> problems = new ArrayList<>();
            assertThat(HostPaths.of(url, "inputs[0].url", problems)).as(url).isEmpty();
            assertThat(problems).as(url).singleElement().asString().startsWith("inputs[0].url");
        }
    }

    @Test
    void redirectionsQuoteTheirPathsForTheShell() {
        TesExecutor executor = new TesExecutor("img", List.of("tool"), null, "/in/it's", "/out/o", null, null, null);

        assertThat(StdioRedirect.entrypoint(executor))
                .containsExactly("/bin/sh", "-c", "exec \"$@\" <'/in/it'\\''s' >'/out/o'", "sh");
    }

    @Test
    void sharedDirectoriesAreTheOutermostOfVolumesAndOutputDirectories() {
        var shared = SharedDirectories.of(List.of("/work/"), List.of(
                new TesOutput(null, null, "file:///r/a", "/work/sub/a.txt", null, null),
                new TesOutput(null, null, "file:///r/b", "/results/b.txt", null, TesFileType.FILE),
                new TesOutput(null, null, "file:///r/c", "/results/many/*.csv", "/results/", null)));

        assertThat(shared.mounted()).as("shallowest first, then by name").containsExactly("/results", "/work");
        assertThat(shared.locate("/work/sub/a.txt")).contains(new SharedDirectories.Location(1, "sub/a.txt"));
        assertThat(shared.locate("/results/many")).contains(new SharedDirectories.Location(0, "many"));
        assertThat(shared.nested()).containsExactly(new SharedDirectories.Location(0, "many"),
                new SharedDirectories.Location(1, "sub"));
        assertThat(shared.locate("/elsewhere/x")).isEmpty();
    }
}
