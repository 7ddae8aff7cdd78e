package dev.berth.command;

import java.util.List;

/**
 * The resolved value of one input. {@code bare} goes into environment variables and the working
 * directory, {@code lineText} (with the flag) into the command line, and {@code parts} are the single
 * values it was made of, which is what has to be masked when the input is sensitive.
 */
record InputValue(CommandInput input, String bare, String lineText, List<String> parts) {
    InputValue {
        parts = List.copyOf(parts);
    }
}
