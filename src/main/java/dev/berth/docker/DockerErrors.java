package dev.berth.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java's exception texts ("Status 404: {"message":"..."}") into the engine's own words. */
final class DockerErrors {
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\\{\"message\":\"(.*)\"}\\s*$", Pattern.DOTALL);

    private DockerErrors() {
    }

    static String message(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().trim();
        Matcher matcher = ENGINE_MESSAGE.matcher(text);
        if (matcher.find()) {
            return matcher.group(1).replace("\\\"", "\"").replace("\\n", " ").trim();
        }
        return text.isEmpty() ? "engine answered " + e.getHttpStatus() : text;
    }
}
