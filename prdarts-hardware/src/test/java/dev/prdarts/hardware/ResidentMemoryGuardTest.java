package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.hardware.probe.LinuxMemoryInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentMemoryGuardTest {

    private static final long GIB = 1L << 30;

    @TempDir Path tmp;

    @Test
    void reportsOnceWhenResidentMemoryPassesTheLimit() throws InterruptedException {
        AtomicLong resident = new AtomicLong(GIB);
        AtomicInteger reads = new AtomicInteger();
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);

        try (ResidentMemoryGuard guard =
                ResidentMemoryGuard.start(
                        () -> {
                            reads.incrementAndGet();
                            return resident.get();
                        },
                        2 * GIB,
                        "90% of the test machine",
                        Duration.ofMillis(1),
                        m -> {
                            messages.add(m);
                            reported.countDown();
                        })) {
            while (reads.get() < 5) {
                Thread.sleep(1);
            }
            assertTrue(messages.isEmpty(), "under the limit: nothing reported");

            resident.set(3 * GIB);
            assertTrue(reported.await(5, TimeUnit.SECONDS));
            guard.close();
            assertFalse(guard.isWatching());
        }

        assertEquals(1, messages.size());
        String m = messages.get(0);
        assertTrue(m.startsWith("out of memory: the process holds 3.0 GiB"), m);
        assertTrue(m.contains("over 90% of the test machine (2.0 GiB)"), m);
    }

    @Test
    void skipsUnknownReadings() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        List<String> messages = new CopyOnWriteArrayList<>();
        try (ResidentMemoryGuard guard =
                ResidentMemoryGuard.start(
                        () -> {
                            reads.incrementAndGet();
                            return -1;
                        },
                        1,
                        "one byte",
                        Duration.ofMillis(1),
                        messages::add)) {
            while (reads.get() < 5) {
                Thread.sleep(1);
            }
            assertTrue(guard.isWatching());
        }
        assertTrue(messages.isEmpty());
    }

    @Test
    void machineLimitIsTheSmallerOfPhysicalMemoryAndCgroupLimit() throws IOException {
        Files.createDirectories(tmp.resolve("proc/self"));
        Files.writeString(tmp.resolve("proc/meminfo"), "MemTotal:       8388608 kB\n");
        Files.writeString(tmp.resolve("proc/self/cgroup"), "0::/job\n");
        Files.createDirectories(tmp.resolve("sys/fs/cgroup/job"));
        Files.writeString(tmp.resolve("sys/fs/cgroup/job/memory.max"), (4 * GIB) + "\n");

        assertEquals(
                4 * GIB, ResidentMemoryGuard.machineLimit(new LinuxMemoryInfo(tmp)).getAsLong());

        Files.writeString(tmp.resolve("sys/fs/cgroup/job/memory.max"), "max\n");
        assertEquals(
                8 * GIB, ResidentMemoryGuard.machineLimit(new LinuxMemoryInfo(tmp)).getAsLong());
    }

    @Test
    void refusesANonPositiveLimitOrInterval() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ResidentMemoryGuard.start(() -> 0, 0, "x", Duration.ofMillis(1), m -> {}));
        assertThrows(
                IllegalArgumentException.class,
                () -> ResidentMemoryGuard.start(() -> 0, 1, "x", Duration.ZERO, m -> {}));
    }
}
