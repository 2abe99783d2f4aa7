package dev.prdarts.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.search.checkpoint.CheckpointStore;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.stats.EpochMetrics;
import dev.prdarts.search.stats.MetricsWriter;
import dev.prdarts.search.testing.TinySearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops, damaged checkpoints and configuration checks of resumed searches, in one process. */
class SearchResumeTest {

    @TempDir static Path shared;

    @TempDir Path dir;

    private static SearchConfig config;
    private static Path reference;
    private static Path lateStop;

    @BeforeAll
    static void runUninterruptedAndStoppedLate() throws Exception {
        config = TinySearch.config(TinySearch.THREE_CYCLES);
        reference = shared.resolve("reference");
        TinySearch.run(config, reference);
        // 24 images in batches of 8: step 3 ends the last epoch, before its validation
        lateStop = shared.resolve("late-stop");
        stopAt(config, lateStop, 3, 1, 3);
    }

    /** Returns a copy of a run folder made by {@link #runUninterruptedAndStoppedLate()}. */
    private Path copy(Path run) throws IOException {
        Path target = dir.resolve(run.getFileName());
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static SearchRunner runner(SearchConfig c, RunFolder folder) {
        return new SearchRunner(
                c, TinySearch.data(c.seed()), TinySearch.DL, TinySearch.batches(c), null, folder);
    }

    /** Runs a new search that stops after weight step {@code step} of epoch {@code epoch}. */
    private static SearchStoppedException stopAt(
            SearchConfig c, Path out, int cycle, int epoch, int step) throws Exception {
        SearchRunner r = runner(c, RunFolder.prepare(out, false));
        r.setListener(
                new SearchListener() {
                    @Override
                    public void stepFinished(int cy, int ep, int st) {
                        if (cy == cycle && ep == epoch && st == step) {
                            r.requestStop();
                        }
                    }
                });
        return assertThrows(SearchStoppedException.class, r::run);
    }

    @Test
    void stopMidEpochWritesACheckpointAndTheResumedSearchEndsLikeAnUninterruptedOne()
            throws Exception {
        Path out = dir.resolve("stopped");

        SearchStoppedException stop = stopAt(config, out, 2, 1, 2);

        assertEquals(out.resolve("checkpoints/epoch-000003-step-000002.ckpt"), stop.checkpoint());
        assertTrue(
                stop.getMessage()
                        .endsWith("resume with: ./prdarts search --resume " + out.toString()),
                stop.getMessage());
        assertEquals(2, MetricsWriter.read(out.resolve(MetricsWriter.FILE)).size());

        SearchResult resumed = runner(config, RunFolder.existing(out)).resume(false);

        assertSameRun(reference, out);
        assertEquals(5, resumed.epochs());
    }

    @Test
    void stopAfterTheLastStepOfAnEpochResumesAtTheEpochsValidation() throws Exception {
        Path out = copy(lateStop);
        assertEquals(
                List.of(out.resolve("checkpoints/epoch-000005-step-000003.ckpt")),
                CheckpointStore.of(out).list().subList(0, 1));

        runner(config, RunFolder.existing(out)).resume(false);

        assertSameRun(reference, out);
    }

    @Test
    void damagedNewestCheckpointIsSetAsideAndThePreviousGivesTheSameResult() throws Exception {
        Path out = copy(reference);
        CheckpointStore store = CheckpointStore.of(out);
        Path newest = store.list().get(0);
        assertEquals("epoch-000005.ckpt", newest.getFileName().toString());
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 3));

        runner(config, RunFolder.existing(out)).resume(false);

        assertSameRun(reference, out);
        assertTrue(Files.exists(out.resolve("checkpoints/epoch-000005.ckpt.corrupt")));
    }

    @Test
    void differentConfigIsRefusedWithEveryDifferenceAndAcceptedWhenForced() throws Exception {
        Path out = copy(lateStop);
        SearchConfig other =
                TinySearch.config(
                        "[weights]\nlr = 0.05\n"
                                + TinySearch.THREE_CYCLES.replace(
                                        "epochs = 1\ngrace = 0", "epochs = 2\ngrace = 0"));
        String before = Files.readString(out.resolve(RunFolder.CONFIG));

        IllegalStateException refused =
                assertThrows(
                        IllegalStateException.class,
                        () -> runner(other, RunFolder.existing(out)).resume(false));

        assertEquals(
                "cannot resume "
                        + out
                        + ": the configuration differs from the run's (cycles[3].epochs: 1 in the"
                        + " run, 2 now; weights.lr: 0.025 in the run, 0.05 now); resume without"
                        + " these settings, or force it (--force) to continue with them",
                refused.getMessage());
        assertEquals(before, Files.readString(out.resolve(RunFolder.CONFIG)));

        SearchResult forced = runner(other, RunFolder.existing(out)).resume(true);

        assertEquals(6, forced.epochs());
        List<EpochMetrics> rows = MetricsWriter.read(out.resolve(MetricsWriter.FILE));
        assertEquals(6, rows.size());
        // cycle 3 now has 2 epochs: lr 0.05 cosine to 0.01 over 2 epochs
        assertEquals(0.05, rows.get(4).lr(), 1e-12);
        assertEquals(0.03, rows.get(5).lr(), 1e-12);
        assertEquals(0.0175, rows.get(3).lr(), 1e-12);
        assertFalse(Files.readString(out.resolve(RunFolder.CONFIG)).equals(before));
    }

    @Test
    void otherHardwareSettingsNeedNoForce() throws Exception {
        Path out = copy(lateStop);
        SearchConfig twoThreads =
                new SearchConfig(
                        config.seed(),
                        2,
                        config.device(),
                        config.data(),
                        config.search(),
                        config.batch(),
                        config.weights(),
                        config.alpha(),
                        config.schedule());

        SearchResult r = runner(twoThreads, RunFolder.existing(out)).resume(false);

        assertEquals(5, r.epochs());
        assertTrue(Files.readString(out.resolve(RunFolder.CONFIG)).contains("threads = 2"));
    }

    /** Asserts equal genotype, pools files and metrics rows (seconds aside) of two runs. */
    static void assertSameRun(Path expected, Path actual) throws Exception {
        assertEquals(
                Files.readString(expected.resolve(RunFolder.GENOTYPE)),
                Files.readString(actual.resolve(RunFolder.GENOTYPE)));
        assertEquals(withoutTime(expected), withoutTime(actual));
        for (int c = 1; c <= 3; c++) {
            String pools = "pools/cycle-" + c + ".json";
            assertEquals(
                    Files.readString(expected.resolve(pools)),
                    Files.readString(actual.resolve(pools)),
                    pools);
        }
    }

    private static List<EpochMetrics> withoutTime(Path run) throws Exception {
        return MetricsWriter.read(run.resolve(MetricsWriter.FILE)).stream()
                .map(EpochMetrics::withoutTime)
                .toList();
    }
}
