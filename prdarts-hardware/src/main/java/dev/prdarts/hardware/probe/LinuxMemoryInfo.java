package dev.prdarts.hardware.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads memory figures of the current process and machine from Linux's {@code /proc} and {@code
 * /sys/fs/cgroup} files.
 *
 * <p>All paths are resolved against a root folder ({@code /} in production), so tests can supply a
 * fake tree. Missing or unreadable files yield empty results, never exceptions.
 */
public final class LinuxMemoryInfo {

    /** Limits at or above this are the kernel's way of saying "no limit". */
    private static final long NO_LIMIT = 1L << 62;

    private final Path root;

    /** Creates a reader of the real {@code /proc} and {@code /sys}. */
    public LinuxMemoryInfo() {
        this(Path.of("/"));
    }

    /** Creates a reader whose {@code /proc} and {@code /sys} live under {@code root}. */
    public LinuxMemoryInfo(Path root) {
        this.root = root;
    }

    /** Returns the resident set size ({@code VmRSS}) of this process in bytes. */
    public OptionalLong residentBytes() {
        return kibField(root.resolve("proc/self/status"), "VmRSS:");
    }

    /** Returns the peak resident set size ({@code VmHWM}) of this process in bytes. */
    public OptionalLong peakResidentBytes() {
        return kibField(root.resolve("proc/self/status"), "VmHWM:");
    }

    /**
     * Resets the peak resident set size to the current one by writing {@code 5} to {@code
     * /proc/self/clear_refs} (Linux 4.0 and later).
     *
     * @return whether the reset was accepted
     */
    public boolean resetPeak() {
        try {
            Files.writeString(root.resolve("proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Returns the physical memory of the machine ({@code MemTotal}) in bytes. */
    public OptionalLong physicalBytes() {
        return kibField(root.resolve("proc/meminfo"), "MemTotal:");
    }

    /**
     * Returns the smallest memory limit of the cgroups (v2 {@code memory.max} or v1 {@code
     * memory.limit_in_bytes}) that hold this process, or empty when there is none.
     */
    public OptionalLong cgroupLimitBytes() {
        List<String> lines = readLines(root.resolve("proc/self/cgroup"));
        long limit = Long.MAX_VALUE;
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            String controllers = parts[1];
            String path = parts[2].strip();
            if ("0".equals(parts[0]) && controllers.isEmpty()) {
                limit =
                        Math.min(
                                limit,
                                smallestLimit(root.resolve("sys/fs/cgroup"), path, "memory.max"));
            } else if (List.of(controllers.split(",")).contains("memory")) {
                Path base = root.resolve("sys/fs/cgroup/memory");
                limit = Math.min(limit, smallestLimit(base, path, "memory.limit_in_bytes"));
            }
        }
        return limit < NO_LIMIT ? OptionalLong.of(limit) : OptionalLong.empty();
    }

    /**
     * Returns the smallest limit in {@code file} of the cgroup folder for {@code path} and all its
     * parents up to {@code base}. Inside a container the path often names a folder that is not
     * mounted; its parents (down to the mount's root) still count.
     */
    private static long smallestLimit(Path base, String path, String file) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Path dir = base.resolve(relative).normalize();
        if (!dir.startsWith(base)) {
            dir = base;
        }
        long limit = Long.MAX_VALUE;
        for (Path d = dir; d != null && d.startsWith(base); d = d.getParent()) {
            limit = Math.min(limit, readLimit(d.resolve(file)));
        }
        return limit;
    }

    private static long readLimit(Path file) {
        List<String> lines = readLines(file);
        if (lines.isEmpty()) {
            return Long.MAX_VALUE;
        }
        String value = lines.get(0).strip();
        try {
            long bytes = Long.parseLong(value);
            return bytes > 0 ? bytes : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static OptionalLong kibField(Path file, String key) {
        for (String line : readLines(file)) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).strip().split("\\s+");
                try {
                    long kib = Long.parseLong(parts[0]);
                    return OptionalLong.of(kib * 1024);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
