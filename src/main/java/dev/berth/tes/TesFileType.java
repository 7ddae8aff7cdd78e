package dev.berth.tes;

/** Whether an input or output is one file or a directory (tesFileType); FILE unless said. */
public enum TesFileType {
    FILE, DIRECTORY
}
