package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every mistake on the command line ends as one "prdarts: error:" line and exit code 2. */
class CommandLineErrorsTest {

    @TempDir Path dir;

    private static void assertOneLine(String expected, String... args) {
        GenotypeCommandTest.Result r = GenotypeCommandTest.run(args);

        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals("prdarts: error: " + expected + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "search --foo # unknown option: '--foo' (did you mean --force?); see ./prdarts"
                        + " search --help",
                "search --seed abc # invalid value for option '--seed': 'abc' is not a whole"
                        + " number; see ./prdarts search --help",
                "search --seed # missing required parameter for option '--seed' (N); see"
                        + " ./prdarts search --help",
                "train --lr fast # invalid value for option '--lr': 'fast' is not a number; see"
                        + " ./prdarts train --help",
                "train --epochs 99999999999 # invalid value for option '--epochs':"
                        + " '99999999999' is out of range; see ./prdarts train --help",
                "evaluate # missing required parameter: 'MODEL_DIR'; see ./prdarts evaluate"
                        + " --help",
                "genotype show # missing required parameter: 'NAME|FILE'; see ./prdarts"
                        + " genotype show --help",
                "spaces --within x # invalid value for option '--within': 'x' is not a whole"
                        + " number; see ./prdarts spaces --help",
                "help nope # unknown subcommand 'nope'; see ./prdarts --help",
                "genotype # missing subcommand: one of show, params, render is required; see"
                        + " ./prdarts genotype --help",
                "bench # missing subcommand: one of data, search-step, checkpoint, train-step is"
                        + " required; see ./prdarts bench --help",
                "sear # unmatched argument at index 0: 'sear' (did you mean search?); see"
                        + " ./prdarts --help",
            })
    void parseErrorsAreOneLineWithTheHelpCommand(String args, String expected) {
        assertOneLine(expected.strip(), args.strip().split(" "));
    }

    @Test
    void emptyPathsAreRefusedRatherThanMeaningTheCurrentFolder() {
        assertOneLine(
                "invalid value for option '--out': an empty value is not a path; see ./prdarts"
                        + " search --help",
                "search",
                "--out",
                "");
        assertOneLine(
                "invalid value for option '--out': an empty value is not a path; see ./prdarts"
                        + " train --help",
                "train",
                "--out",
                " ");
    }

    @Test
    void ourOwnErrorsUseTheSameFormat() {
        assertOneLine(
                "NOPE: neither a built-in genotype (DL1, DL2, DR, UR, DARTS_V2) nor an existing"
                        + " file",
                "genotype",
                "show",
                "NOPE");
    }

    @Test
    void aFileWhereAFolderIsNeededIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        assertOneLine(
                "cannot create " + file + ": something of that name already exists",
                "genotype",
                "render",
                "DL2",
                "--out",
                file.resolve("cells.svg").toString());
    }

    @Test
    void parseErrorsWriteNothing() throws Exception {
        Path out = dir.resolve("run");

        assertOneLine(
                "unknown option: '--bogus'; see ./prdarts search --help",
                "search",
                "--out",
                out.toString(),
                "--bogus");

        assertEquals(false, Files.exists(out));
    }

    @Test
    void inputFilesThatAreNotUtf8TextAreNamed() throws Exception {
        byte[] binary = {'a', ' ', '=', ' ', '"', (byte) 0xff, (byte) 0xfe, '"', '\n'};
        Path toml = Files.write(dir.resolve("bad.toml"), binary);
        Path json = Files.write(dir.resolve("bad.json"), binary);
        Path run = Files.createDirectories(dir.resolve("run"));
        Path metrics = Files.write(run.resolve("metrics.jsonl"), binary);

        assertOneLine(
                toml + ": not valid UTF-8 text (bad byte at offset 5)",
                "search",
                "--config",
                toml.toString());
        assertOneLine(
                toml + ": not valid UTF-8 text (bad byte at offset 5)",
                "spaces",
                "--spaces-file",
                toml.toString());
        assertOneLine(
                json + ": not valid UTF-8 text (bad byte at offset 5)",
                "genotype",
                "show",
                json.toString());
        assertOneLine(
                metrics + ": not valid UTF-8 text (bad byte at offset 5)",
                "report",
                run.toString());
    }

    @Test
    void corruptPluginJarIsAnErrorNotIgnored() throws Exception {
        Path jar = Files.writeString(dir.resolve("x.jar"), "just text\n");
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, folder.resolve("x.jar"));

        assertOneLine(jar + ": not a valid jar file", "spaces", "--plugins", jar.toString());
        assertOneLine(
                folder.resolve("x.jar") + ": not a valid jar file",
                "spaces",
                "--plugins",
                folder.toString());
    }

    @Test
    void debugAddsTheStackTrace() {
        GenotypeCommandTest.Result r = GenotypeCommandTest.run("--debug", "search", "--seed", "x");

        assertEquals(Main.EXIT_USAGE, r.code());
        String first = r.err().lines().findFirst().orElse("");
        assertEquals(
                "prdarts: error: invalid value for option '--seed': 'x' is not a whole number;"
                        + " see ./prdarts search --help",
                first);
        assertEquals(true, r.err().contains("at picocli."), r.err());
    }
}
