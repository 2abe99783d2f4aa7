package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.genotype.GenotypeJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    /** One short cycle on 16 built-in images per half, C = 4, 3 cells, one engine thread. */
    private static final String TINY =
            "threads = 1\ndevice = \"cpu\"\n[data]\nlimit = 16\n"
                    + "[search]\nchannels = 4\ncells = 3\n"
                    + "[batch]\nmin = 16\nmax = 16\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n";

    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void tinySearchWritesTheRunFolderAndPrintsJson() throws Exception {
        Path config = dir.resolve("tiny.toml");
        Files.writeString(config, TINY);
        Path out = dir.resolve("run");

        Result r = run("search", "--config", config.toString(), "--out", out.toString(), "--json");

        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertEquals(out.toString(), summary.get("run_dir").asText());
        assertEquals(2, summary.get("epochs").asInt());
        assertEquals(out.resolve("report.html").toString(), summary.get("report").asText());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertEquals(
                GenotypeJson.read(out.resolve("genotype.json")),
                GenotypeJson.parse(summary.get("genotype").toString(), "stdout"));
        assertEquals(2, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        assertTrue(Files.exists(out.resolve("pools/cycle-1.json")));
        String log = Files.readString(out.resolve("search.log"));
        assertTrue(log.contains("cycle 1/1 epoch 2/2"), log);
        assertTrue(log.contains("memory probe"), "the hardware line logged early: " + log);
        assertFalse(log.contains("DEBUG"), log);
        String resolved = Files.readString(out.resolve("config.toml"));
        assertEquals(
                4, new SearchConfigLoader().parse("config.toml", resolved).search().channels());
    }

    @Test
    void noReportSkipsTheReport() throws Exception {
        Path config = dir.resolve("tiny.toml");
        Files.writeString(config, TINY);
        Path out = dir.resolve("run");

        Result r =
                run(
                        "search",
                        "--config",
                        config.toString(),
                        "--out",
                        out.toString(),
                        "--json",
                        "--no-report");

        assertEquals(0, r.code(), r.err());
        assertFalse(new ObjectMapper().readTree(r.out()).has("report"), r.out());
        assertFalse(Files.exists(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("genotype.json")));
    }

    @Test
    void unavailableDeviceLeavesNoRunFolder() {
        Result r = run("search", "--device", "gpu:7", "--out", dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("hardware settings"), r.err());
        assertTrue(r.err().contains("gpu:7"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void unreadableDatasetLeavesNoRunFolderAndOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-cifar"));

        Result r =
                run(
                        "search",
                        "--dataset",
                        "cifar10",
                        "--data-dir",
                        empty.toString(),
                        "--out",
                        dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("data_batch_1.bin"), r.err());
        assertFalse(r.err().contains("search failed"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void dataDirWithTheBuiltinSampleIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path idx = Files.createDirectories(dir.resolve("fashion"));

        Result r =
                run("search", "--data-dir", idx.toString(), "--out", dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("dataset 'builtin' is inside the jar"), r.err());
        assertTrue(r.err().contains(idx.toString()), r.err());
        assertTrue(r.err().contains("'fashion-mnist'"), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.contains("error")).count(), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void folderHoldingARunIsRefusedWithoutForce() throws Exception {
        Files.writeString(dir.resolve("genotype.json"), "{}");

        Result r = run("search", "--out", dir.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("already holds a run (genotype.json)"), r.err());
        assertEquals("{}", Files.readString(dir.resolve("genotype.json")));
        assertFalse(Files.exists(dir.resolve("config.toml")));
    }

    @Test
    void forcedRunWithATooLargeLimitKeepsTheEarlierRun() throws Exception {
        Path config = dir.resolve("big-limit.toml");
        Files.writeString(config, TINY.replace("limit = 16", "limit = 4000"));
        Path out = Files.createDirectories(dir.resolve("run"));
        Files.writeString(out.resolve("genotype.json"), "{\"earlier\": true}");

        Result r = run("search", "--config", config.toString(), "--out", out.toString(), "--force");

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(
                r.err().contains("data.limit: limit 4000 is larger than the weight split"),
                r.err());
        assertEquals("{\"earlier\": true}", Files.readString(out.resolve("genotype.json")));
        assertFalse(Files.exists(out.resolve("config.toml")));
    }

    @Test
    void networkThatCannotFitTheBudgetIsRefusedBeforeAnyWork() throws Exception {
        Path config = dir.resolve("huge.toml");
        Files.writeString(config, TINY.replace("channels = 4", "channels = 100000"));
        Path out = dir.resolve("run");

        Result r = run("search", "--config", config.toString(), "--out", out.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        String[] lines = r.err().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(
                last.startsWith("prdarts: error: search.channels = 100000, search.cells = 3"),
                r.err());
        assertTrue(last.contains("over the memory budget"), last);
        assertFalse(r.err().contains("ERROR"), "one error line: " + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void forceDoesNotReplaceTheFolderOfARunningSearch() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run/checkpoints"));
        Files.writeString(dir.resolve("run/genotype.json"), "{}");
        Path lock = out.resolve(".lock");
        try (FileChannel ch =
                        FileChannel.open(
                                lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            Result r = run("search", "--out", dir.resolve("run").toString(), "--force");

            assertEquals(Main.EXIT_USAGE, r.code());
            assertTrue(r.err().contains("is in use by a running search"), r.err());
        }
        assertEquals("{}", Files.readString(dir.resolve("run/genotype.json")));
    }

    @Test
    void threadCountsBeyondTheLimitAreRefused() throws Exception {
        Result option = run("search", "--threads", "100000", "--out", dir.resolve("x").toString());
        assertEquals(Main.EXIT_USAGE, option.code());
        assertTrue(option.err().contains("--threads must be <= 1024, got 100000"), option.err());

        Path config = dir.resolve("threads.toml");
        Files.writeString(config, "threads = 100000\n");
        Result file = run("search", "--config", config.toString());
        assertEquals(Main.EXIT_USAGE, file.code());
        assertTrue(file.err().contains("threads"), file.err());
        assertTrue(file.err().contains("<= 1024"), file.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void outputThatIsAFileIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        Result r = run("search", "--dataset", "cifar10", "--out", file.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(
                "prdarts: error: output "
                        + file
                        + " exists and is not a folder"
                        + System.lineSeparator(),
                r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void unknownDatasetListsTheKnownOnes() {
        Result r = run("search", "--dataset", "imagenet", "--out", dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("unknown dataset 'imagenet'"), r.err());
        assertTrue(r.err().contains("cifar10"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void unknownSpaceListsTheKnownOnes() {
        Result r = run("search", "--space", "XX", "--out", dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("unknown constraint space 'XX'"), r.err());
        assertTrue(r.err().contains("DL"), r.err());
    }

    @Test
    void spaceNamesIgnoreCaseAndTheRunRecordsTheRegisteredName() throws Exception {
        Path config = dir.resolve("tiny.toml");
        Files.writeString(config, TINY.replace("[search]\n", "[search]\nspace = \"ur\"\n"));
        Path fromFile = dir.resolve("from-file");
        Path fromOption = dir.resolve("from-option");

        Result a = run("search", "--config", config.toString(), "--out", fromFile.toString());
        Result b =
                run(
                        "search",
                        "--config",
                        config.toString(),
                        "--space",
                        "dr",
                        "--out",
                        fromOption.toString(),
                        "--no-report");

        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        SearchConfigLoader loader = new SearchConfigLoader();
        assertEquals(
                "UR",
                loader.parse("a", Files.readString(fromFile.resolve("config.toml")))
                        .search()
                        .space());
        assertEquals(
                "DR",
                loader.parse("b", Files.readString(fromOption.resolve("config.toml")))
                        .search()
                        .space());
    }

    @Test
    void badConfigFileNamesFileKeyAndRule() throws Exception {
        Path config = dir.resolve("bad.toml");
        Files.writeString(config, "[search]\ncells = 2\n");

        Result r = run("search", "--config", config.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(
                "prdarts: error: " + config + ": key 'search.cells' must be >= 3, got 2",
                r.err().strip());
    }

    @Test
    void batchMinAboveTheDefaultMaxIsAcceptedWhenTheConfigRaisesTheMax() throws Exception {
        Path config = dir.resolve("big.toml");
        Files.writeString(config, TINY.replace("max = 16", "max = 256"));
        Path out = dir.resolve("run");

        Result r =
                run(
                        "search",
                        "--config",
                        config.toString(),
                        "--batch-min",
                        "136",
                        "--out",
                        out.toString(),
                        "--no-report",
                        "--json");

        assertEquals(0, r.code(), r.err());
        SearchConfig resolved =
                new SearchConfigLoader()
                        .parse("config.toml", Files.readString(out.resolve("config.toml")));
        assertEquals(136, resolved.batch().min());
        assertEquals(256, resolved.batch().max());
    }

    @Test
    void batchMinAboveThePresetsMaxNamesThePresetAndWritesNothing() {
        Path out = dir.resolve("x");

        Result r = run("search", "--batch-min", "136", "--out", out.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(
                "prdarts: error: command line: key 'batch.min' must be <= batch.max (32, from"
                        + " preset smoke), got 136"
                        + System.lineSeparator(),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void batchOptionOutOfRangeNamesTheOption() {
        Result r = run("search", "--batch-threshold", "2", "--out", dir.resolve("x").toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(
                "prdarts: error: --batch-threshold must be in (0, 1], got 2"
                        + System.lineSeparator(),
                r.err());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        Result r = run("search", "--preset", "huge");

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("unknown preset 'huge'; known presets: smoke, paper"), r.err());
    }

    @Test
    void badHardwareOptionNamesTheOption() {
        Result r = run("search", "--batch-min", "lots");

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("--batch-min must be a whole number"), r.err());
    }
}
