package dev.prdarts.search.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's resident memory from Linux's {@code /proc/self/status}. */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /** Returns the resident set size ({@code VmRSS}) in bytes, or -1 where it is unknown. */
    public static long current() {
        return field("VmRSS:");
    }

    /** Returns the peak resident set size ({@code VmHWM}) in bytes, or -1 where it is unknown. */
    public static long peak() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
