package dev.prdarts.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.prdarts.search.checkpoint.CheckpointFile;
import dev.prdarts.search.checkpoint.CheckpointStore;
import dev.prdarts.search.stats.MetricsWriter;
import dev.prdarts.search.testing.CrashableSearch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a search in a child JVM at several points (SIGKILL during an epoch, during a checkpoint
 * write and between cycles, SIGTERM during a step), resumes it each time, and compares the end with
 * an uninterrupted run.
 */
class SearchCrashTest {

    private static final long TIMEOUT_S = 120;

    @TempDir Path dir;

    @Test
    void searchKilledAnywhereAndResumedEndsLikeAnUninterruptedOne() throws Exception {
        Path reference = dir.resolve("reference");
        Path run = dir.resolve("crashed");
        CheckpointStore store = CheckpointStore.of(run);

        Child whole = Child.start(List.of(), "run", reference);
        assertEquals(0, whole.exitCode(), whole.output());

        // SIGKILL during the second epoch: the first epoch's checkpoint is the newest
        Child first = Child.start(List.of(), "run", run, "--pause-step", "1:2:2");
        first.awaitLine("paused at step 1:2:2");
        first.kill();
        assertEquals("epoch-000001.ckpt", newest(store));
        assertEquals(1, MetricsWriter.read(run.resolve(MetricsWriter.FILE)).size());

        // SIGKILL halfway through writing the checkpoint of epoch 3
        Child second =
                Child.start(
                        List.of("-D" + CheckpointFile.TEST_PAUSE + "=epoch-000003.ckpt"),
                        "resume",
                        run);
        second.awaitLine("checkpoint write paused");
        second.kill();
        assertTrue(second.output().contains("from epoch-000001.ckpt"), second.output());
        assertTrue(Files.exists(store.dir().resolve(".epoch-000003.ckpt.tmp")));
        assertEquals("epoch-000002.ckpt", newest(store));
        assertEquals(3, MetricsWriter.read(run.resolve(MetricsWriter.FILE)).size());

        // SIGKILL between cycles 2 and 3, after cycle 2's pools file
        Child third = Child.start(List.of(), "resume", run, "--pause-cycle", "2");
        third.awaitLine("paused after cycle 2");
        third.kill();
        assertTrue(third.output().contains("from epoch-000002.ckpt"), third.output());
        assertTrue(Files.exists(run.resolve("pools/cycle-2.json")));
        assertEquals("epoch-000004.ckpt", newest(store));

        // SIGTERM during the last epoch: the step ends, a checkpoint is written, exit 130
        Child fourth = Child.start(List.of(), "resume", run, "--wait-stop", "3:1:1");
        fourth.awaitLine("waiting for a stop at step 3:1:1");
        // (Process.destroy() would also close the pipes; the handle only sends the signal)
        assertTrue(fourth.process.toHandle().destroy());
        assertEquals(130, fourth.exitCode(), fourth.output());
        assertTrue(fourth.output().contains("from epoch-000004.ckpt"), fourth.output());
        assertTrue(
                fourth.output().contains("resume with: ./prdarts search --resume " + run),
                fourth.output());
        assertEquals("epoch-000005-step-000001.ckpt", newest(store));

        Child last = Child.start(List.of(), "resume", run);
        assertEquals(0, last.exitCode(), last.output());
        assertTrue(last.output().contains("from epoch-000005-step-000001.ckpt"), last.output());

        SearchResumeTest.assertSameRun(reference, run);
    }

    private static String newest(CheckpointStore store) throws IOException {
        return store.list().get(0).getFileName().toString();
    }

    /** A child JVM running {@link CrashableSearch}, its output collected line by line. */
    private static final class Child {
        final Process process;
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader =
                    new Thread(
                            () -> {
                                try (BufferedReader r =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        process.getInputStream(),
                                                        StandardCharsets.UTF_8))) {
                                    for (String line; (line = r.readLine()) != null; ) {
                                        synchronized (lines) {
                                            lines.add(line);
                                            lines.notifyAll();
                                        }
                                    }
                                } catch (IOException e) {
                                    // the process was killed; what was read stays
                                }
                                synchronized (lines) {
                                    lines.notifyAll();
                                }
                            },
                            "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(List<String> jvmOptions, String mode, Path run, String... options)
                throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx512m");
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-Dai.djl.default_engine=PyTorch");
            cmd.add("-Dai.djl.pytorch.num_threads=1");
            cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(CrashableSearch.class.getName());
            cmd.add(mode);
            cmd.add(run.toString());
            cmd.addAll(List.of(options));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("OPT_OUT_TRACKING", "true");
            pb.environment().put("DJL_OFFLINE", "true");
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            return new Child(pb.start());
        }

        /** Waits until a line contains {@code marker}; fails with the output if none comes. */
        void awaitLine(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            synchronized (lines) {
                while (lines.stream().noneMatch(l -> l.contains(marker))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!process.isAlive() && !hasUnread())) {
                        process.destroyForcibly();
                        fail("no line with '" + marker + "' from the child:\n" + output());
                    }
                    lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }
        }

        private boolean hasUnread() {
            try {
                return process.getInputStream().available() > 0;
            } catch (IOException e) {
                return false;
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the child did not end within " + TIMEOUT_S + " s:\n" + output());
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
