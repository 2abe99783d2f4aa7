package dev.prdarts.ops.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.space.ConstraintSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpaceFileTest {

    private static final String VALID =
            "[[space]]\n"
                    + "name = \"K5\"\n"
                    + "kernel_min = 3\n"
                    + "kernel_max = 5\n"
                    + "dilation_max = 1\n"
                    + "max_depth = 2\n"
                    + "max_width = 2\n"
                    + "max_sum = 3\n";

    @TempDir Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("spaces.toml"), text);
    }

    private SpaceFileException failure(String text) throws IOException {
        Path file = write(text);
        SpaceFileException e = assertThrows(SpaceFileException.class, () -> SpaceFile.read(file));
        assertTrue(e.getMessage().startsWith("spaces file " + file + ": "), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void readsSpacesInFileOrderWithOmittedBoundsUnbounded() throws IOException {
        Path file =
                write(
                        VALID
                                + "\n[[space]]\nname = \"WIDE\"\nkernel_min = 1\n"
                                + "kernel_max = 9\ndilation_max = 3\n");

        List<ConstraintSpace> spaces = SpaceFile.read(file);

        assertEquals(
                List.of(
                        new ConstraintSpace("K5", 3, 5, 1, 2, 2, 3),
                        new ConstraintSpace(
                                "WIDE",
                                1,
                                9,
                                3,
                                ConstraintSpace.UNBOUNDED,
                                ConstraintSpace.UNBOUNDED,
                                ConstraintSpace.UNBOUNDED)),
                spaces);
    }

    @Test
    void emptyFileDeclaresNoSpace() throws IOException {
        assertEquals(List.of(), SpaceFile.read(write("# nothing yet\n")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kernel_max = 5|kernel_max = \"5\"|key 'kernel_max' must be an integer, got string"
                        + " \"5\"",
                "max_sum = 3|max_sum = 2.5|key 'max_sum' must be an integer, got float 2.5",
                "max_width = 2|max_width = true|key 'max_width' must be an integer, got boolean",
                "dilation_max = 1|dilation_max = [1]|key 'dilation_max' must be an integer, got"
                        + " array"
            })
    void wrongTypeNamesFileAndKey(String from, String to, String expected) throws IOException {
        SpaceFileException e = failure(VALID.replace(from, to));
        assertTrue(e.getMessage().contains("space 'K5' (#1): " + expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"max_depth = 2, max_depth", "kernel_min = 3, kernel_min", "max_sum = 3, max_sum"})
    void negativeBoundNamesFileAndKey(String line, String key) throws IOException {
        SpaceFileException e = failure(VALID.replace(line, key + " = -1"));
        assertTrue(
                e.getMessage().endsWith("key '" + key + "' must not be negative, got -1"),
                e.getMessage());
    }

    @Test
    void inconsistentBoundsNameFileAndKey() throws IOException {
        SpaceFileException e = failure(VALID.replace("kernel_max = 5", "kernel_max = 1"));
        assertTrue(
                e.getMessage()
                        .endsWith("space 'K5' (#1): space K5: kernel_max must be >= 3, got 1"),
                e.getMessage());
    }

    @Test
    void spaceWithoutTheStartingConvNamesFileSpaceAndRule() throws IOException {
        SpaceFileException e =
                failure(
                        VALID.replace("kernel_min = 3", "kernel_min = 4")
                                .replace("kernel_max = 5", "kernel_max = 6"));

        assertTrue(
                e.getMessage()
                        .endsWith(
                                "space 'K5' (#1): space K5: the bounds must admit the starting"
                                        + " conv conv(k=3,d=1,x=[]), so kernel_min must be <= 3"
                                        + " and kernel_max >= 3, got kernel_min = 4, kernel_max"
                                        + " = 6"),
                e.getMessage());
    }

    @Test
    void kernelBoundsBelowThreeAreRefusedToo() throws IOException {
        SpaceFileException e =
                failure(
                        VALID.replace("kernel_min = 3", "kernel_min = 1")
                                .replace("kernel_max = 5", "kernel_max = 1"));

        assertTrue(e.getMessage().contains("must admit the starting conv"), e.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        SpaceFileException e = failure(VALID.replace("dilation_max = 1\n", ""));
        assertTrue(e.getMessage().endsWith("key 'dilation_max' is missing"), e.getMessage());
    }

    @Test
    void missingNameIsNamed() throws IOException {
        SpaceFileException e = failure(VALID.replace("name = \"K5\"\n", ""));
        assertTrue(e.getMessage().endsWith("space #1: key 'name' is missing"), e.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() throws IOException {
        SpaceFileException e = failure(VALID + "kernal_max = 7\n");
        assertTrue(e.getMessage().contains("unknown key 'kernal_max'"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel_max"), e.getMessage());
    }

    @Test
    void spaceThatIsNotAnArrayOfTablesIsRejected() throws IOException {
        SpaceFileException e = failure("space = 3\n");
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "key 'space' must be an array of tables ([[space]]), got"
                                        + " integer 3"),
                e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsRejected() throws IOException {
        SpaceFileException e = failure("spaces = 3\n");
        assertTrue(e.getMessage().contains("unknown key 'spaces'"), e.getMessage());
    }

    @Test
    void invalidTomlNamesTheFile() throws IOException {
        SpaceFileException e = failure("[[space]\nname = \n");
        assertTrue(e.getMessage().contains("not valid TOML"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> SpaceFile.read(dir.resolve("absent.toml")));
    }
}
