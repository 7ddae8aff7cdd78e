package dev.berth.support;

/**
 * Realistic command definitions in XNAT's format, run on the local test image: a debug command that
 * writes a parameter into a file under a writable mount, a converter with boolean and select
 * inputs, and one that needs a shell (override-entrypoint).
 */
public final class TestCommands {
    private TestCommands() {
    }

    public static String debug(String name) {
        return """
                {"name": "%s", "version": "1.0", "type": "docker", "image": "%s",
                 "description": "writes a message into a file on its output mount",
                 "command-line": "sh -c 'echo #MESSAGE# > /output/#FILE_NAME#; echo wrote #MESSAGE#; env'",
                 "working-directory": "/output",
                 "environment-variables": {"DEBUG_MESSAGE": "#MESSAGE#", "DEBUG_TOKEN": "#TOKEN#"},
                 "mounts": [{"name": "output", "path": "/output", "writable": "true"},
                            {"name": "input", "path": "/input", "writable": false}],
                 "inputs": [
                   {"name": "MESSAGE", "type": "string", "required": true},
                   {"name": "FILE_NAME", "default-value": "message.txt"},
                   {"name": "TOKEN", "sensitive": true, "default-value": "none"}],
                 "xnat": [{"name": "debug-session", "contexts": ["xnat:imageSessionData"],
                           "external-inputs": [{"name": "session", "type": "Session"}]}],
                 "outputs": [{"name": "out", "mount": "output", "required": false}]}
                """.formatted(name, TestEngine.IMAGE);
    }

    public static String converter(String name, String version) {
        return """
                {"name": "%s", "version": "%s", "image": "%s",
                 "command-line": "echo dcm2niix [BIDS] [COMPRESS] #scans# -o /output /input",
                 "limit-memory": 64, "limit-cpu": 0.5,
                 "container-labels": {"org.example.tool": "converter"},
                 "inputs": [
                   {"name": "bids", "type": "boolean", "replacement-key": "[BIDS]", "command-line-flag": "-b",
                    "true-value": "y", "false-value": "n", "default-value": "false"},
                   {"name": "compress", "type": "select-one", "replacement-key": "[COMPRESS]",
                    "command-line-flag": "-z", "select-values": ["y", "n", "i"], "default-value": "n"},
                   {"name": "scans", "type": "select-many", "select-values": ["t1", "t2", "dwi"],
                    "multiple-delimiter": "comma", "command-line-flag": "--scans", "command-line-separator": "="}]}
                """.formatted(name, version, TestEngine.IMAGE);
    }

    public static String shell(String name) {
        return """
                {"name": "%s", "image": "%s", "override-entrypoint": true,
                 "command-line": "echo #GREETING# | cat; echo done",
                 "inputs": [{"name": "GREETING", "required": true}]}
                """.formatted(name, TestEngine.IMAGE);
    }
}
