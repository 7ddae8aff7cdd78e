package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerRefusalTest {
    @Test
    void aMessageBodyIsOneLineWithTheStatus() {
        assertThat(ServerRefusal.of(409, "{\"code\": 409, \"message\": \"job x is Running: cancel it first\"}", "the request")
                .lines()).containsExactly("409 conflict: job x is Running: cancel it first");
    }

    @Test
    void a401SaysHowToGiveAToken() {
        assertThat(ServerRefusal.of(401, "{\"code\": 401, \"message\": \"Credentials are required\"}", "the request").lines())
                .containsExactly("401 unauthorized: Credentials are required (give a token with --token, --token-file or BERTH_TOKEN)");
    }

    @Test
    void a422ListsEveryProblemUnderWhatWasRefused() {
        assertThat(ServerRefusal.of(422, "{\"errors\": [\"image is required\", \"priority must be at most 1000\"]}",
                "job manifest x.yaml").lines()).containsExactly("the server refused job manifest x.yaml (422):",
                "  - image is required", "  - priority must be at most 1000");
    }

    @Test
    void aBodyThatIsNoJsonGivesItsFirstLine() {
        assertThat(ServerRefusal.of(502, "<html>Bad Gateway</html>\n<body>", "the request").lines())
                .containsExactly("502 server error: <html>Bad Gateway</html>");
    }

    @Test
    void anEmptyBodyGivesTheStatusAlone() {
        assertThat(ServerRefusal.of(404, "", "the request").lines()).containsExactly("404 not found");
    }
}
