package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchResumeCommandTest {

    /** One short cycle on 16 built-in images per half, C = 4, 3 cells, one engine thread. */
    private static final String TINY =
            "threads = 1\ndevice = \"cpu\"\n[data]\nlimit = 16\n"
                    + "[search]\nchannels = 4\ncells = 3\n"
                    + "[batch]\nmin = 8\nmult = 8\nmax = 8\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n";

    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Returns the metrics rows without the seconds field. */
    private static List<String> rows(Path run) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(
                        line -> {
                            try {
                                JsonNode row = json.readTree(line);
                                ((com.fasterxml.jackson.databind.node.ObjectNode) row)
                                        .remove("seconds");
                                return row.toString();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    @Test
    void resumeRedoesTheEpochAfterTheNewestCheckpointAndRefusesOtherSettingsUnlessForced()
            throws Exception {
        Path config = dir.resolve("tiny.toml");
        Files.writeString(config, TINY);
        Path run = dir.resolve("run");
        assertEquals(
                0, run("search", "--config", config.toString(), "--out", run.toString()).code());
        String genotype = Files.readString(run.resolve("genotype.json"));
        List<String> rows = rows(run);
        // as if the process had died during the second epoch
        Files.delete(run.resolve("checkpoints/epoch-000002.ckpt"));

        Result refused = run("search", "--resume", run.toString(), "--space", "DR", "--seed", "9");

        assertEquals(Main.EXIT_USAGE, refused.code());
        assertEquals(
                "prdarts: error: cannot resume "
                        + run
                        + ": the configuration differs from the run's (search.space: \"DL\" in"
                        + " the run, \"DR\" now; seed: 0 in the run, 9 now); resume without these"
                        + " settings, or force it (--force) to continue with them",
                refused.err().strip());
        assertEquals(genotype, Files.readString(run.resolve("genotype.json")));

        Result resumed = run("search", "--resume", run.toString(), "--threads", "1", "--json");

        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(2, new ObjectMapper().readTree(resumed.out()).get("epochs").asInt());
        assertEquals(genotype, Files.readString(run.resolve("genotype.json")));
        assertEquals(rows, rows(run));
        String log = Files.readString(run.resolve("search.log"));
        assertTrue(log.contains("from epoch-000001.ckpt: cycle 1/1, 1 of 2 epochs"), log);
        // the first session's lines stay in front of the resumed one's
        int firstSession = log.indexOf("cycle 1/1 epoch 1/2");
        assertTrue(firstSession >= 0 && firstSession < log.indexOf("resuming"), log);

        Result forced = run("search", "--resume", run.toString(), "--space", "DR", "--force");

        assertEquals(0, forced.code(), forced.err());
        assertTrue(
                Files.readString(run.resolve("config.toml")).contains("space = \"DR\""),
                "config.toml records the forced settings");
    }

    @Test
    void resumeOfAFolderWithoutARunIsRefused() throws Exception {
        Result missing = run("search", "--resume", dir.resolve("nothing").toString());
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertEquals(
                "prdarts: error: run folder " + dir.resolve("nothing") + " does not exist",
                missing.err().strip());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result notAFolder = run("search", "--resume", file.toString());
        assertEquals(Main.EXIT_USAGE, notAFolder.code());
        assertTrue(
                notAFolder.err().contains("run folder " + file + " is a file, not a folder"),
                notAFolder.err());

        Result empty = run("search", "--resume", dir.toString());
        assertEquals(Main.EXIT_USAGE, empty.code());
        assertEquals(
                "prdarts: error: folder " + dir + " holds no search run (no config.toml)",
                empty.err().strip());

        Result both =
                run("search", "--resume", dir.toString(), "--out", dir.resolve("x").toString());
        assertEquals(Main.EXIT_USAGE, both.code());
        assertTrue(both.err().contains("name different folders"), both.err());
    }

    @Test
    void resumeOfATrainingRunSaysSo() throws Exception {
        Path run = Files.createDirectories(dir.resolve("train-1"));
        Files.writeString(run.resolve("config.toml"), "[train]\nepochs = 1\n");
        Files.writeString(run.resolve("train.log"), "epoch 1/1\n");

        Result r = run("search", "--resume", run.toString());

        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(
                "prdarts: error: folder "
                        + run
                        + " holds a training run (train.log), not a search run; only a search can"
                        + " be resumed"
                        + System.lineSeparator(),
                r.err());
        assertEquals("[train]\nepochs = 1\n", Files.readString(run.resolve("config.toml")));
        assertEquals(List.of("config.toml", "train.log"), sortedNames(run));
    }

    private static List<String> sortedNames(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
