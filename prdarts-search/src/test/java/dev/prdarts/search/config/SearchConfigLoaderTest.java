package dev.prdarts.search.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.schedule.Schedule;
import dev.prdarts.search.pools.InitialCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchConfigLoaderTest {

    private final SearchConfigLoader loader = new SearchConfigLoader();

    @TempDir Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("my.toml");
        Files.writeString(file, text);
        return file;
    }

    private String error(String text) throws Exception {
        Path file = write(text);
        return assertThrows(ConfigException.class, () -> loader.load(Preset.SMOKE, file, Map.of()))
                .getMessage();
    }

    @Test
    void paperPresetHasThePaperSettings() {
        SearchConfig c = loader.preset(Preset.PAPER);

        assertEquals("cifar10", c.data().dataset());
        assertEquals(16, c.search().channels());
        assertEquals(8, c.search().cells());
        assertEquals(InitialCatalog.PRDARTS4, c.search().catalog());
        assertEquals(Schedule.paper(), c.schedule());
        assertEquals(new SearchConfig.Batch(24, 8, 128, 0.95, ""), c.batch());
        assertEquals(new SearchConfig.Weights(0.025, 0.01, 0.9, 3e-4, 5.0), c.weights());
        assertEquals(new SearchConfig.Alpha(6e-4, 0.5, 0.999, 1e-3, 5.0), c.alpha());
        assertEquals(0.5, c.data().trainPortion());
    }

    @Test
    void smokePresetHasFourCyclesWithMorphsInTwo() {
        SearchConfig c = loader.preset(Preset.SMOKE);

        assertEquals("builtin", c.data().dataset());
        assertTrue(c.schedule().cycles().size() >= 4);
        long withMorphs = c.schedule().cycles().stream().filter(s -> s.morphs() > 0).count();
        assertTrue(withMorphs >= 2, "cycles with morphs: " + withMorphs);
    }

    @Test
    void fileReplacesSingleKeysAndTheWholeSchedule() throws Exception {
        Path file =
                write(
                        "seed = 7\n[data]\nlimit = 64\n[weights]\nlr = 6e-2\n"
                                + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 1\nkept = 2\n"
                                + "[[cycles]]\nepochs = 1\ngrace = 0\nmorphs = 0\nkept = 1\n");

        SearchConfig c = loader.load(Preset.PAPER, file, Map.of());

        assertEquals(7, c.seed());
        assertEquals(64, c.data().limit());
        assertEquals("cifar10", c.data().dataset());
        assertEquals(0.06, c.weights().lr());
        assertEquals(
                List.of(new CycleSpec(2, 1, 1, 2), new CycleSpec(1, 0, 0, 1)),
                c.schedule().cycles());
    }

    @Test
    void commandLineOverridesTheFile() throws Exception {
        Path file = write("seed = 7\n[data]\ndataset = \"mnist\"\n");

        SearchConfig c =
                loader.load(
                        Preset.SMOKE, file, Map.of("seed", 9L, "data.dataset", "fashion-mnist"));

        assertEquals(9, c.seed());
        assertEquals("fashion-mnist", c.data().dataset());
    }

    @Test
    void writtenTomlLoadsBackToAnEqualConfig() throws Exception {
        for (Preset p : Preset.values()) {
            SearchConfig c = loader.preset(p);

            SearchConfig back = loader.parse("config.toml", SearchConfigToml.write(c));

            assertEquals(c, back);
        }
    }

    @Test
    void exponentLiteralsLoadAsTheirDecimalValue() throws Exception {
        SearchConfig c = loader.load(Preset.SMOKE, write("[alpha]\nlr = 6e-4\n"), Map.of());

        assertEquals(0.0006, c.alpha().lr());
        assertTrue(SearchConfigToml.write(c).contains("lr = 0.0006"));
    }

    @Test
    void unknownKeyIsNamedWithFileAndKnownKeys() throws Exception {
        String msg = error("[data]\nlimt = 5\n");

        assertTrue(msg.contains("my.toml"), msg);
        assertTrue(msg.contains("unknown key 'data.limt'"), msg);
        assertTrue(msg.contains("data.limit"), msg);
    }

    @Test
    void unknownTopLevelKeyListsTheKeysAndTheTables() throws Exception {
        String msg = error("bogus = 1\n");

        assertTrue(
                msg.endsWith(
                        "unknown key 'bogus'; known keys: device, seed, threads; known tables:"
                                + " [data], [search], [batch], [weights], [alpha], [[cycles]]"),
                msg);
    }

    @Test
    void aTableGivenAsAValueIsNamed() throws Exception {
        String msg = error("data = 3\n");

        assertTrue(msg.endsWith("my.toml: key 'data' must be a table ([data]), got 3"), msg);
    }

    @Test
    void unknownTableIsRefused() throws Exception {
        String msg = error("[dataa]\nlimit = 5\n");

        assertTrue(msg.contains("my.toml: unknown table '[dataa]'"), msg);
    }

    @Test
    void wrongTypeNamesKeyAndType() throws Exception {
        String msg = error("[search]\nchannels = \"sixteen\"\n");

        assertTrue(msg.contains("my.toml: key 'search.channels' must be an integer"), msg);
        assertTrue(msg.contains("\"sixteen\""), msg);
    }

    @Test
    void integerAboveTheIntRangeIsCalledTooLarge() throws Exception {
        String msg = error("[search]\nchannels = 99999999999\n");

        assertEquals(
                dir.resolve("my.toml")
                        + ": key 'search.channels' is too large: 99999999999 is above the largest"
                        + " supported value 2147483647",
                msg);
    }

    @Test
    void cycleValueAboveTheIntRangeIsCalledTooLarge() throws Exception {
        String msg = error("[[cycles]]\nepochs = 3000000000\ngrace = 0\nmorphs = 0\nkept = 1\n");

        assertTrue(msg.contains("key 'cycles[0].epochs' is too large: 3000000000"), msg);
    }

    @Test
    void negativeIntegerStillNamesTheRule() throws Exception {
        String msg = error("[search]\nchannels = -99999999999\n");

        assertTrue(msg.contains("key 'search.channels' must be >= 1, got -99999999999"), msg);
    }

    @Test
    void floatGivenForIntegerIsRefused() throws Exception {
        String msg = error("[data]\nlimit = 5.5\n");

        assertTrue(msg.contains("key 'data.limit' must be an integer, got the float 5.5"), msg);
    }

    @Test
    void outOfRangeValueNamesTheRule() throws Exception {
        String msg = error("[data]\ntrain_portion = 1.5\n");

        assertTrue(msg.contains("my.toml: key 'data.train_portion' must be > 0 and < 1"), msg);
        assertTrue(msg.contains("1.5"), msg);
    }

    @Test
    void unknownCatalogListsTheKnownOnes() throws Exception {
        String msg = error("[search]\ncatalog = \"nasnet\"\n");

        assertTrue(msg.contains("one of prdarts4, prdarts5, darts"), msg);
    }

    @Test
    void badDeviceIsRefused() throws Exception {
        String msg = error("device = \"tpu\"\n");

        assertTrue(msg.contains("key 'device' must be one of cpu, gpu, gpu:N, auto"), msg);
    }

    @Test
    void inconsistentScheduleNamesTheCycleAndRule() throws Exception {
        String msg =
                error(
                        "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 2\nkept = 4\n"
                                + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 2\n");

        assertTrue(msg.contains("my.toml"), msg);
        assertTrue(msg.contains("cycles[1].kept must be 1 in the last cycle, got 2"), msg);
    }

    @Test
    void firstCycleKeepingMoreThanCatalogPlusMorphsIsRefused() throws Exception {
        String msg =
                error(
                        "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 2\nkept = 7\n"
                                + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n");

        assertEquals(
                dir.resolve("my.toml")
                        + ": cycles[0].kept must be <= the pool size before the cycle plus its"
                        + " morphs (4 + 2 = 6; catalog prdarts4 has 4, from preset smoke), got 7",
                msg);
    }

    @Test
    void laterCycleKeepingMoreThanThePreviousPoolPlusMorphsIsRefused() throws Exception {
        String msg =
                error(
                        "[search]\ncatalog = \"darts\"\n"
                                + "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 2\nkept = 10\n"
                                + "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 1\nkept = 12\n"
                                + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n");

        assertEquals(
                dir.resolve("my.toml")
                        + ": cycles[1].kept must be <= the pool size before the cycle plus its"
                        + " morphs (10 + 1 = 11; cycles[0].kept is 10), got 12",
                msg);
    }

    @Test
    void keptEqualToPoolPlusMorphsIsAccepted() throws Exception {
        Path file =
                write(
                        "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 2\nkept = 6\n"
                                + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n");

        SearchConfig c = loader.load(Preset.SMOKE, file, Map.of());

        assertEquals(6, c.cycle(0).kept());
    }

    @Test
    void validEpochsReachingIntoGraceEpochsIsRefused() throws Exception {
        String msg = error("[search]\nvalid_epochs = 2\n");

        assertEquals(
                dir.resolve("my.toml")
                        + ": key 'search.valid_epochs' must be <= the non-grace epochs of every"
                        + " cycle, so that no grace epoch is validated; cycles[2] has 1 (epochs 2"
                        + " - grace 1), from preset smoke, got 2",
                msg);
    }

    @Test
    void validEpochsUpToTheNonGraceEpochsIsAccepted() throws Exception {
        Path file =
                write(
                        "[search]\nvalid_epochs = 2\n"
                                + "[[cycles]]\nepochs = 3\ngrace = 1\nmorphs = 0\nkept = 1\n");

        assertEquals(2, loader.load(Preset.SMOKE, file, Map.of()).search().validEpochs());
    }

    @Test
    void cyclesTooShortForAnEarlierValidEpochsNameBothSources() throws Exception {
        Path file = write("[[cycles]]\nepochs = 3\ngrace = 2\nmorphs = 0\nkept = 1\n");

        String msg =
                assertThrows(
                                ConfigException.class,
                                () ->
                                        loader.load(
                                                "run/config.toml",
                                                "[search]\nvalid_epochs = 2\n",
                                                file,
                                                Map.of()))
                        .getMessage();

        assertEquals(
                file
                        + ": every cycle needs at least search.valid_epochs (2, from"
                        + " run/config.toml) non-grace epochs, so that no grace epoch is"
                        + " validated; cycles[0] has 1 (epochs 3 - grace 2)",
                msg);
    }

    @Test
    void graceNotBelowEpochsIsRefused() throws Exception {
        String msg = error("[[cycles]]\nepochs = 2\ngrace = 2\nmorphs = 0\nkept = 1\n");

        assertTrue(msg.contains("cycles[0].grace must be >= 0 and < epochs (2), got 2"), msg);
    }

    @Test
    void cycleWithoutKeptIsRefused() throws Exception {
        String msg = error("[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\n");

        assertTrue(msg.contains("missing key 'cycles[0].kept'"), msg);
    }

    @Test
    void unknownCycleKeyIsRefused() throws Exception {
        String msg = error("[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\nmorph = 1\n");

        assertTrue(msg.contains("unknown key 'cycles[0].morph'"), msg);
    }

    @Test
    void badMemoryBudgetIsRefused() throws Exception {
        String msg = error("[batch]\nmemory_budget = \"lots\"\n");

        assertTrue(msg.contains("my.toml: key 'batch.memory_budget' must be a size"), msg);
        assertTrue(msg.contains("\"lots\""), msg);
    }

    @Test
    void batchMaxBelowMinIsRefused() throws Exception {
        String msg = error("[batch]\nmin = 64\nmax = 32\n");

        assertTrue(msg.contains("my.toml: key 'batch.max' must be >= batch.min (64), got 32"), msg);
    }

    @Test
    void batchBoundsAreCheckedAfterTheLayersAreMerged() throws Exception {
        Path file = write("[batch]\nmax = 256\n");

        SearchConfig c = loader.load(Preset.SMOKE, file, Map.of("batch.min", 136L));

        assertEquals(136, c.batch().min());
        assertEquals(256, c.batch().max());
    }

    @Test
    void batchMinAboveThePresetsMaxNamesThePreset() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> loader.load(Preset.SMOKE, null, Map.of("batch.min", 136L)));

        assertEquals(
                "command line: key 'batch.min' must be <= batch.max (32, from preset smoke), got"
                        + " 136",
                e.getMessage());
    }

    @Test
    void batchMaxBelowTheFilesMinNamesTheFile() throws Exception {
        Path file = write("[batch]\nmin = 16\nmax = 16\n");

        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> loader.load(Preset.PAPER, file, Map.of("batch.max", 8L)));

        assertEquals(
                "command line: key 'batch.max' must be >= batch.min (16, from " + file + "), got 8",
                e.getMessage());
    }

    @Test
    void lrMinAboveThePresetsLrNamesThePreset() throws Exception {
        String msg = error("[weights]\nlr_min = 0.05\n");

        assertEquals(
                dir.resolve("my.toml")
                        + ": key 'weights.lr_min' must be <= weights.lr (0.025, from preset smoke),"
                        + " got 0.05",
                msg);
    }

    @Test
    void malformedTomlNamesTheFile() throws Exception {
        String msg = error("seed 7\n");

        assertTrue(msg.contains("my.toml: not valid TOML"), msg);
    }

    @Test
    void keyWithoutValueIsRefusedInsteadOfFallingBackToTheDefault() throws Exception {
        String msg = error("[batch]\nmin =\n");

        assertTrue(msg.contains("my.toml: not valid TOML: line 2: key 'min' has no value"), msg);
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve("nope.toml");

        ConfigException e =
                assertThrows(
                        ConfigException.class, () -> loader.load(Preset.SMOKE, missing, Map.of()));

        assertTrue(e.getMessage().contains("nope.toml: config file not found"), e.getMessage());
    }

    @Test
    void badCommandLineValueNamesTheCommandLine() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> loader.load(Preset.SMOKE, null, Map.of("search.space", " ")));

        assertTrue(e.getMessage().startsWith("command line: key 'search.space'"), e.getMessage());
    }
}
