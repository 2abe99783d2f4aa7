package dev.prdarts.hardware.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a fake {@code /proc} and {@code /sys/fs/cgroup} tree under a test folder. */
final class FakeLinux {

    private final Path root;

    FakeLinux(Path root) {
        this.root = root;
        write("proc/self/clear_refs", "");
    }

    Path root() {
        return root;
    }

    FakeLinux status(long rssKib, long hwmKib) {
        return write(
                "proc/self/status",
                "Name:\tjava\nVmPeak:\t 9999999 kB\nVmHWM:\t "
                        + hwmKib
                        + " kB\nVmRSS:\t "
                        + rssKib
                        + " kB\nThreads:\t42\n");
    }

    FakeLinux memTotalKib(long kib) {
        return write("proc/meminfo", "MemTotal:       " + kib + " kB\nMemFree: 1 kB\n");
    }

    FakeLinux cgroups(String content) {
        return write("proc/self/cgroup", content);
    }

    FakeLinux write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the peak reset fail, as on kernels that refuse it. */
    FakeLinux refusePeakReset() {
        try {
            Path file = root.resolve("proc/self/clear_refs");
            Files.deleteIfExists(file);
            Files.createDirectories(file);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
