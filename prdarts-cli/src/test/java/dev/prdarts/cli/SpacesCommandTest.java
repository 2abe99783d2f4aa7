package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpacesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bounds of the plugin space K5: kernel 3..5, d <= 1, one factor of at most 2. */
    private static final String K5_BOUNDS = "3, 5, 1, 1, 2, 2";

    @TempDir Path dir;

    private record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Map<String, JsonNode> byName(JsonNode root) {
        Map<String, JsonNode> spaces = new LinkedHashMap<>();
        for (JsonNode space : root.get("spaces")) {
            spaces.put(space.get("name").asText(), space);
        }
        return spaces;
    }

    private Path pluginDir(String spaceName, String bounds) throws IOException, URISyntaxException {
        Path plugins = dir.resolve("plugins");
        String className = "com.example.spaces." + spaceName + "Provider";
        PluginJars.spaceProviderJar(
                dir.resolve("build-" + spaceName),
                plugins.resolve(spaceName.toLowerCase() + "-space.jar"),
                className,
                PluginJars.providerSource(className, spaceName, bounds));
        return plugins;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLineError(Result result, String expected) {
        assertEquals(Main.EXIT_USAGE, result.code(), result.err());
        assertEquals("prdarts: error: " + expected + System.lineSeparator(), result.err());
    }

    @Test
    void jsonReportsTheTableTwoCountsAndCellSizes() throws IOException {
        Result result = run("spaces", "--json");

        assertEquals(0, result.code(), result.err());
        JsonNode root = result.json();
        assertEquals(5, root.get("within").asInt());
        Map<String, JsonNode> spaces = byName(root);
        assertEquals(List.of("DL", "DR", "UR"), new ArrayList<>(spaces.keySet()));
        assertEquals(12, spaces.get("DL").get("reachable").asInt());
        assertEquals(32, spaces.get("DR").get("reachable").asInt());
        assertEquals(73, spaces.get("UR").get("reachable").asInt());
        assertEquals(15, spaces.get("DL").get("candidates").asInt());
        assertEquals(461320312500L, spaces.get("DL").get("possible_cells").asLong());
        assertEquals("4.6e11", spaces.get("DL").get("possible_cells_approx").asText());
        assertEquals(4, spaces.get("DL").get("closed_after").asInt());
        assertEquals("built-in", spaces.get("UR").get("source").asText());
        assertTrue(spaces.get("UR").get("max_depth").isNull());

        JsonNode darts = root.get("catalogs").get(0);
        assertEquals("darts", darts.get("name").asText());
        assertEquals(8, darts.get("candidates").asInt());
        assertEquals(3019898880L, darts.get("possible_cells").asLong());
        assertEquals("3.0e9", darts.get("possible_cells_approx").asText());
    }

    @Test
    void allowDegenerateGivesThePaperCounts() throws IOException {
        Map<String, JsonNode> spaces = byName(run("spaces", "--allow-degenerate", "--json").json());

        assertEquals(12, spaces.get("DL").get("reachable").asInt());
        assertEquals(36, spaces.get("DR").get("reachable").asInt());
        assertEquals(80, spaces.get("UR").get("reachable").asInt());
    }

    @Test
    void withinEightReachesTheWholeDepthRestrictedSpace() throws IOException {
        JsonNode dr = byName(run("spaces", "--within", "8", "--json").json()).get("DR");

        assertEquals(42, dr.get("reachable").asInt());
        assertEquals(8, dr.get("closed_after").asInt());
    }

    @Test
    void humanTableShowsEverySpaceAndTheDartsCatalog() {
        Result result = run("spaces");

        assertEquals(0, result.code(), result.err());
        String[] lines = result.out().split("\\R");
        assertTrue(lines[2].matches("space +k min +k max.*source"), lines[2]);
        assertTrue(
                lines[3].matches("DL +3 +7 +2 +1 +1 +1 +12 +after 4 +15 +4\\.6e11 +built-in"),
                lines[3]);
        assertTrue(
                lines[5].matches("UR +1 +7 +2 +- +- +- +73 +no +76 +2\\.0e17 +built-in"), lines[5]);
        assertTrue(result.out().contains("DARTS catalog: K = 8, cells = 3.0e9"), result.out());
    }

    @Test
    void showListsTheReachableConfigurationsWithDepth() {
        Result result = run("spaces", "--show", "DL");

        assertEquals(0, result.code(), result.err());
        List<String> rows = new ArrayList<>();
        for (String line : result.out().split("\\R")) {
            if (line.matches(" *[0-9]+  conv\\(.*")) {
                rows.add(line.strip().replaceAll(" +", " "));
            }
        }
        assertEquals(12, rows.size(), result.out());
        assertEquals("0 conv(k=3,d=1,x=[])", rows.get(0));
        assertEquals("4 conv(k=7,d=2,x=[1])", rows.get(11));
        assertTrue(result.out().startsWith("DL (built-in): 12 conv configurations"));
        assertTrue(result.out().contains("closed after 4 morphs"));
    }

    @Test
    void pluginJarBuiltAtTestTimeIsListedWithItsOwnCounts() throws Exception {
        Path plugins = pluginDir("K5", K5_BOUNDS);

        Result result = run("spaces", "--plugins", plugins.toString(), "--json");

        assertEquals(0, result.code(), result.err());
        Map<String, JsonNode> spaces = byName(result.json());
        assertEquals(List.of("DL", "DR", "UR", "K5"), new ArrayList<>(spaces.keySet()));
        JsonNode k5 = spaces.get("K5");
        // k in {3, 5} times x in {[], [1], [2]}: 6 convs, the last ([2] at k = 5) after 3 morphs.
        assertEquals(6, k5.get("reachable").asInt());
        assertEquals(3, k5.get("closed_after").asInt());
        assertEquals(9, k5.get("candidates").asInt());
        assertEquals(180L * 43046721L, k5.get("possible_cells").asLong());
        assertEquals(2, k5.get("max_width").asInt());
        assertEquals("plugin", k5.get("source_kind").asText());
        assertEquals(
                plugins.resolve("k5-space.jar").toRealPath().toString(),
                Path.of(k5.get("source_location").asText()).toRealPath().toString());
        assertEquals(12, spaces.get("DL").get("reachable").asInt());
    }

    @Test
    void pluginsOptionWorksBeforeTheCommandAndShowFindsThePluginSpace() throws Exception {
        Path plugins = pluginDir("K5", K5_BOUNDS);

        Result result = run("--plugins", plugins.toString(), "spaces", "--show", "K5", "--json");

        assertEquals(0, result.code(), result.err());
        JsonNode root = result.json();
        List<String> ops = new ArrayList<>();
        for (JsonNode c : root.get("configurations")) {
            ops.add(c.get("depth").asInt() + " " + c.get("op").asText());
        }
        assertEquals(
                List.of(
                        "0 conv(k=3,d=1,x=[])",
                        "1 conv(k=3,d=1,x=[1])",
                        "1 conv(k=5,d=1,x=[])",
                        "2 conv(k=3,d=1,x=[2])",
                        "2 conv(k=5,d=1,x=[1])",
                        "3 conv(k=5,d=1,x=[2])"),
                ops);
    }

    @Test
    void spacesFileSpaceIsListedWithTheFileAsSource() throws IOException {
        Path toml =
                file(
                        "spaces.toml",
                        "[[space]]\nname = \"KONLY\"\nkernel_min = 1\nkernel_max = 9\n"
                                + "dilation_max = 1\nmax_depth = 0\n");

        Result result = run("spaces", "--spaces-file", toml.toString(), "--json");

        assertEquals(0, result.code(), result.err());
        JsonNode konly = byName(result.json()).get("KONLY");
        // Kernels 1, 3, 5, 7, 9 at d = 1 with one unit; 9 needs three grows.
        assertEquals(5, konly.get("reachable").asInt());
        assertEquals(3, konly.get("closed_after").asInt());
        assertEquals("file " + toml, konly.get("source").asText());
        assertTrue(konly.get("max_width").isNull());
    }

    @Test
    void unknownSpaceNameListsTheKnownOnesIncludingPlugins() throws Exception {
        Path plugins = pluginDir("K5", K5_BOUNDS);

        Result result = run("spaces", "--plugins", plugins.toString(), "--show", "XL");

        assertOneLineError(result, "unknown constraint space 'XL'; known spaces: DL, DR, UR, K5");
        assertEquals("", result.out());
    }

    @Test
    void pluginDuplicatingABuiltInNameNamesBothSources() throws Exception {
        Path plugins = pluginDir("DL", "3, 9, 1, 0, 1, 0");
        Path jar = plugins.resolve("dl-space.jar").toAbsolutePath().normalize();

        Result result = run("spaces", "--plugins", plugins.toString());

        assertOneLineError(
                result,
                "constraint space 'DL' is declared twice: by built-in and by plugin " + jar);
    }

    @Test
    void spacesFileDuplicatingAPluginNamesBothSources() throws Exception {
        Path plugins = pluginDir("K5", K5_BOUNDS);
        Path jar = plugins.resolve("k5-space.jar").toAbsolutePath().normalize();
        Path toml =
                file(
                        "dup.toml",
                        "[[space]]\nname = \"K5\"\nkernel_min = 3\nkernel_max = 5\n"
                                + "dilation_max = 1\n");

        Result result =
                run("spaces", "--plugins", plugins.toString(), "--spaces-file", toml.toString());

        assertOneLineError(
                result,
                "constraint space 'K5' is declared twice: by plugin "
                        + jar
                        + " and by file "
                        + toml);
    }

    @Test
    void spacesFileWithWrongTypeNamesFileAndKey() throws IOException {
        Path toml =
                file(
                        "bad.toml",
                        "[[space]]\nname = \"B\"\nkernel_min = 3\nkernel_max = \"7\"\n"
                                + "dilation_max = 1\n");

        Result result = run("spaces", "--spaces-file", toml.toString(), "--json");

        assertOneLineError(
                result,
                "spaces file "
                        + toml
                        + ": space 'B' (#1): key 'kernel_max' must be an integer, got string"
                        + " \"7\"");
    }

    @Test
    void spacesFileWithNegativeBoundNamesFileAndKey() throws IOException {
        Path toml =
                file(
                        "neg.toml",
                        "[[space]]\nname = \"N\"\nkernel_min = 3\nkernel_max = 7\n"
                                + "dilation_max = 1\nmax_sum = -2\n");

        Result result = run("spaces", "--spaces-file", toml.toString());

        assertOneLineError(
                result,
                "spaces file "
                        + toml
                        + ": space 'N' (#1): key 'max_sum' must not be negative, got -2");
    }

    @Test
    void withinOutOfRangeIsRejected() {
        assertOneLineError(
                run("spaces", "--within", "21"),
                "--within must be between 0 and 20 morphs, got 21");
    }

    @Test
    void missingPluginFolderIsReported() {
        Path missing = dir.resolve("nowhere");

        assertOneLineError(
                run("spaces", "--plugins", missing.toString()),
                "plugin location " + missing + " does not exist");
    }
}
