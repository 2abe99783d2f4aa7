package dev.prdarts.search.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenotypeJsonTest {

    /** DL1 as the authors' Python code dumps it (list of four items). */
    static final String DL1_AUTHORS =
            """
            [[["conv", {"k": 5, "dil": 1, "c_mul": [1]}, 0],
              ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 1],
              ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 1], ["skip", {}, 2],
              ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 1], ["skip", {}, 2],
              ["skip", {}, 0], ["skip", {}, 2]],
             [2, 3, 4, 5],
             [["conv", {"c_mul": [1], "k": 3, "dil": 1}, 0], ["skip", {}, 1],
              ["pool", {"k": 3, "type_": "max"}, 0], ["conv", {"k": 5, "dil": 1, "c_mul": [1]}, 2],
              ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 0],
              ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 1],
              ["pool", {"k": 3, "type_": "max"}, 1], ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 4]],
             [2, 3, 4, 5]]
            """;

    @ParameterizedTest
    @ValueSource(strings = {"DL1", "DL2", "DR", "UR", "DARTS_V2"})
    void ownFormatRoundTrips(String name) throws IOException {
        Genotype g = BuiltinGenotypes.get(name);
        String json = GenotypeJson.toJson(g);
        assertEquals(GenotypeJson.Format.PRDARTS, GenotypeJson.detect(json, "x"));
        assertEquals(g, GenotypeJson.parse(json, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DL1", "DL2", "DR", "UR", "DARTS_V2"})
    void authorsFormatRoundTrips(String name) throws IOException {
        Genotype g = BuiltinGenotypes.get(name);
        String json = GenotypeJson.toAuthorsJson(g);
        assertEquals(GenotypeJson.Format.AUTHORS, GenotypeJson.detect(json, "x"));
        assertEquals(g, GenotypeJson.parse(json, "x"));
    }

    @Test
    void authorsDumpOfDl1ReadsAsTheBuiltinDl1() throws IOException {
        assertEquals(BuiltinGenotypes.get("DL1"), GenotypeJson.parse(DL1_AUTHORS, "dl1.json"));
    }

    @Test
    void ownFormatMatchesTheDocumentedShape() throws IOException {
        String json =
                """
                {"normal": {"edges": [
                   {"op": "conv(k=3,d=1,x=[1])", "input": 0}, {"op": "skip", "input": 1},
                   {"op": "max_pool(3)", "input": 0}, {"op": "avg_pool(3)", "input": 2},
                   {"op": "zero", "input": 1}, {"op": "skip", "input": 3},
                   {"op": "conv(k=5,d=2,x=[])", "input": 4}, {"op": "skip", "input": 0}],
                   "concat": [2, 3, 4, 5], "extra": "ignored"},
                 "reduce": {"edges": [
                   {"op": "skip", "input": 0}, {"op": "skip", "input": 1},
                   {"op": "skip", "input": 0}, {"op": "skip", "input": 2},
                   {"op": "skip", "input": 0}, {"op": "skip", "input": 3},
                   {"op": "skip", "input": 4}, {"op": "skip", "input": 1}],
                   "concat": [4, 5]}}
                """;
        Genotype g = GenotypeJson.parse(json, "g.json");
        assertEquals(new GenotypeEntry(ConvOp.of(3, 1, 1), 0), g.normal().entries().get(0));
        assertEquals(new GenotypeEntry(SkipOp.INSTANCE, 1), g.normal().entries().get(1));
        assertEquals(new GenotypeEntry(PoolOp.MAX3, 0), g.normal().entries().get(2));
        assertEquals(new GenotypeEntry(PoolOp.AVG3, 2), g.normal().entries().get(3));
        assertEquals(new GenotypeEntry(ZeroOp.INSTANCE, 1), g.normal().entries().get(4));
        assertEquals(new GenotypeEntry(ConvOp.of(5, 2), 4), g.normal().entries().get(6));
        assertEquals(java.util.List.of(4, 5), g.reduce().concat());
    }

    @Test
    void readAndWriteUseFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("genotype.json");
        GenotypeJson.write(BuiltinGenotypes.get("UR"), file);
        assertEquals(BuiltinGenotypes.get("UR"), GenotypeJson.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // what | replace | with | expected message part
                "unknown authors op | [\"skip\", {}, 0], [\"skip\", {}, 2]]"
                        + " | [\"skip\", {}, 0], [\"sep\", {}, 2]]"
                        + " | normal entry 7 (node 5): unknown operation 'sep'",
                "input points forward | [\"skip\", {}, 0], [\"skip\", {}, 2]]"
                        + " | [\"skip\", {}, 0], [\"skip\", {}, 5]]"
                        + " | normal entry 7 (node 5): input 5 is the node itself",
                "input past the node | [\"skip\", {}, 0], [\"skip\", {}, 2]]"
                        + " | [\"skip\", {}, 0], [\"skip\", {}, 9]]"
                        + " | normal entry 7 (node 5): input 9 points forward",
                "input forward in reduce | [\"skip\", {}, 1], | [\"skip\", {}, 3],"
                        + " | reduce entry 1 (node 2): input 3 points forward",
                "too few entries | [\"skip\", {}, 0], [\"skip\", {}, 2]]"
                        + " | [\"skip\", {}, 0]]"
                        + " | normal cell has 7 entries, expected 8",
                "bad pool type | \"type_\": \"max\"}, 0] | \"type_\": \"min\"}, 0]"
                        + " | reduce entry 2 (node 3): pool 'type_' must be",
                "unknown kwarg | {\"k\": 5, \"dil\": 1, \"c_mul\": [1]}, 0]"
                        + " | {\"k\": 5, \"dilation\": 1, \"c_mul\": [1]}, 0]"
                        + " | normal entry 0 (node 2): unknown argument 'dilation' for conv",
                "even kernel | {\"k\": 5, \"dil\": 1, \"c_mul\": [1]}, 0]"
                        + " | {\"k\": 4, \"dil\": 1, \"c_mul\": [1]}, 0]"
                        + " | normal entry 0 (node 2): conv kernel must be a positive odd number",
                "bad JSON | [2, 3, 4, 5]] | [2, 3, 4, 5]" + " | not valid JSON (line"
            })
    void badAuthorsFileNamesFileAndEntry(String what, String from, String to, String message) {
        String json = DL1_AUTHORS.strip();
        int at = json.lastIndexOf(from.strip());
        assertTrue(at >= 0, "test setup: '" + from + "' not found");
        String bad =
                json.substring(0, at) + to.strip() + json.substring(at + from.strip().length());
        GenotypeFormatException e =
                assertThrows(
                        GenotypeFormatException.class, () -> GenotypeJson.parse(bad, "c.json"));
        assertTrue(e.getMessage().startsWith("genotype file 'c.json': "), e.getMessage());
        assertTrue(e.getMessage().contains(message.strip()), what + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void unknownCanonicalOpNamesTheEntry() {
        String json =
                GenotypeJson.toJson(BuiltinGenotypes.get("DL2"))
                        .replaceFirst("\"max_pool\\(3\\)\"", "\"sep_conv_3x3\"");
        GenotypeFormatException e =
                assertThrows(GenotypeFormatException.class, () -> GenotypeJson.parse(json, "g"));
        assertTrue(
                e.getMessage().contains("reduce entry 4 (node 4): bad operation 'sep_conv_3x3'"),
                e.getMessage());
    }

    @Test
    void wrongTopLevelShapeIsRejected() {
        GenotypeFormatException e =
                assertThrows(
                        GenotypeFormatException.class, () -> GenotypeJson.parse("[[], [2]]", "g"));
        assertTrue(e.getMessage().contains("list of four items"), e.getMessage());
        e = assertThrows(GenotypeFormatException.class, () -> GenotypeJson.parse("42", "g"));
        assertTrue(e.getMessage().contains("got number 42"), e.getMessage());
    }
}
