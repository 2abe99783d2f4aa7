package dev.prdarts.search.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.Genotype;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinGenotypesTest {

    /** Reads the cells of the published-genotypes fixture, keyed by their section title. */
    static Map<String, Genotype> fixtureCells() throws IOException {
        String md;
        try (InputStream in =
                BuiltinGenotypesTest.class.getResourceAsStream(
                        "/fixtures/published-genotypes.md")) {
            md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Genotype> cells = new LinkedHashMap<>();
        for (String section : md.split("\n## ")) {
            int eol = section.indexOf('\n');
            String title = section.substring(0, eol).strip();
            String body = section.substring(eol + 1);
            if (!body.contains("normal:")) {
                continue;
            }
            String cell = body.substring(body.indexOf("normal:")).strip();
            cells.put(title, GenotypeText.parse(cell));
        }
        return cells;
    }

    @ParameterizedTest
    @CsvSource({
        "PR-DARTS DL1, DL1",
        "PR-DARTS DL2, DL2",
        "PR-DARTS DR, DR",
        "PR-DARTS UR, UR",
        "DARTS V2 (second order for comparison), DARTS_V2"
    })
    void builtinCellsEqualTheFixture(String title, String name) throws IOException {
        Map<String, Genotype> fixture = fixtureCells();
        String key =
                fixture.keySet().stream()
                        .filter(t -> t.replace(",", "").equals(title))
                        .findFirst()
                        .orElseThrow();
        assertEquals(fixture.get(key), BuiltinGenotypes.get(name));
    }

    @Test
    void namesIgnoreCaseAndDashOrUnderscore() {
        Genotype v2 = BuiltinGenotypes.get("DARTS_V2");
        assertSame(v2, BuiltinGenotypes.get("darts-v2"));
        assertSame(v2, BuiltinGenotypes.get("Darts_V2"));
        assertSame(BuiltinGenotypes.get("DL2"), BuiltinGenotypes.get("dl2"));
        assertEquals("DARTS_V2", BuiltinGenotypes.canonicalName("darts-v2").orElseThrow());
    }

    @Test
    void allFivePublishedCellsAreListed() {
        assertEquals(List.of("DL1", "DL2", "DR", "UR", "DARTS_V2"), BuiltinGenotypes.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BuiltinGenotypes.get("DL3"));
        assertTrue(e.getMessage().contains("'DL3'"), e.getMessage());
        assertTrue(e.getMessage().contains("DL1, DL2, DR, UR, DARTS_V2"), e.getMessage());
    }
}
