package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {

    private String savedIntra;
    private String savedInter;

    @BeforeEach
    void save() {
        savedIntra = System.clearProperty(EngineThreads.INTRA_OP_PROPERTY);
        savedInter = System.clearProperty(EngineThreads.INTER_OP_PROPERTY);
    }

    @AfterEach
    void restore() {
        reset(EngineThreads.INTRA_OP_PROPERTY, savedIntra);
        reset(EngineThreads.INTER_OP_PROPERTY, savedInter);
    }

    private static void reset(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void setsThePropertiesDjlPyTorchReadsAtStart() {
        String described = new EngineThreads(OptionalInt.of(4), OptionalInt.of(1)).apply();

        assertEquals("4", System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
        assertEquals("intra-op 4, inter-op 1", described);
    }

    @Test
    void unchangedLeavesTheEngineDefaults() {
        String described = EngineThreads.unchanged().apply();

        assertNull(System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("intra-op default, inter-op default", described);
    }

    @Test
    void rejectsFewerThanOneThread() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EngineThreads.intraOp(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }
}
