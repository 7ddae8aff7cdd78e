package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobOutcomeTest {
    @ParameterizedTest(name = "{0} with exit code {1} exits {2}")
    @CsvSource({
        "Succeeded, 0, 0",
        "Failed, 3, 3",
        "Cancelled, 137, 137",
    })
    void theJobsExitCodeIsPassedOnWhenItTellsTheOutcome(String phase, int exitCode, int exit) throws Exception {
        assertThat(JobOutcome.exitCode(job(phase, exitCode))).isEqualTo(exit);
    }

    @ParameterizedTest(name = "{0} with exit code {1} exits 125")
    @CsvSource({
        "Cancelled, 0, with exit code 0",
        "Failed, 0, with exit code 0",
        "Failed, , without an exit code",
    })
    void aJobThatDidNotSucceedNeverExitsZero(String phase, Integer exitCode, String said) throws Exception {
        CliFailure failure = catchThrowableOfType(CliFailure.class, () -> JobOutcome.exitCode(job(phase, exitCode)));

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.NO_EXIT_CODE);
        assertThat(failure.getMessage()).contains("job 01m8y6vqmmshj617n0aze5fzbv ended " + phase).contains(said);
    }

    private static JsonNode job(String phase, Integer exitCode) throws Exception {
        return new ObjectMapper().readTree("{\"id\": \"01m8y6vqmmshj617n0aze5fzbv\", \"status\": {\"phase\": \"" + phase
                + "\", \"reason\": \"R\"" + (exitCode == null ? "" : ", \"exitCode\": " + exitCode) + "}}");
    }
}
