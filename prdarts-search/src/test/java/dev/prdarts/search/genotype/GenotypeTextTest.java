package dev.prdarts.search.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.Genotype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenotypeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"DL1", "DL2", "DR", "UR", "DARTS_V2"})
    void formatReadsBackToTheSameGenotype(String name) {
        Genotype g = BuiltinGenotypes.get(name);
        assertEquals(g, GenotypeText.parse(GenotypeText.format(g)));
    }

    @Test
    void formatWritesOneLinePerNodeInCanonicalText() {
        String text = GenotypeText.format(BuiltinGenotypes.get("DL1"));
        String[] lines = text.split("\n");
        assertEquals(10, lines.length);
        assertEquals("normal (concat [2, 3, 4, 5]):", lines[0]);
        assertEquals("- node 2: conv(k=5,d=1,x=[1]) <- 0, conv(k=3,d=1,x=[1]) <- 1", lines[1]);
        assertEquals("- node 3: max_pool(3) <- 0, conv(k=5,d=1,x=[1]) <- 2", lines[7]);
    }

    @Test
    void badLineIsNamedByNumber() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> GenotypeText.parse("normal:\n- node 2: sep3 <- 0, skip <- 1\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'sep3'"), e.getMessage());
    }
}
