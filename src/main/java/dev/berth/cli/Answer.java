package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A successful answer of the server: its status (201 and 200 mean different things) and body. */
record Answer(int status, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.REFUSED, "the server answered " + status + " with a body that is no JSON: "
                    + e.getOriginalMessage());
        }
    }
}
