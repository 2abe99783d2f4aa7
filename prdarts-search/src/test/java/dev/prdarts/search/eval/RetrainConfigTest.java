package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetrainConfigTest {

    @Test
    void paperPresetIsDesignSectionEight() {
        RetrainConfig p = RetrainConfig.preset("PAPER");
        assertEquals(600, p.epochs());
        assertEquals(96, p.batchSize());
        assertEquals(36, p.channels());
        assertEquals(20, p.cells());
        assertTrue(p.auxiliary());
        assertEquals(0.025, p.learningRate());
        assertEquals(0.0, p.minLearningRate());
        assertEquals(0.9, p.momentum());
        assertEquals(3e-4, p.weightDecay());
        assertEquals(5.0, p.gradClip());
        assertEquals(16, p.cutout());
        assertEquals(0.3, p.dropPathMax());
        assertEquals(0.4, p.auxWeight());
        assertEquals("cifar10", p.dataset());
    }

    @Test
    void smokePresetUsesTheBuiltinSampleWithoutAuxiliaryHead() {
        RetrainConfig s = RetrainConfig.smoke();
        assertEquals("builtin", s.dataset());
        assertFalse(s.auxiliary());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        RetrainConfig c = RetrainConfig.paper().toBuilder().epochs(3).seed(7).build();
        assertEquals(3, c.epochs());
        assertEquals(7L, c.seed());
        assertEquals(96, c.batchSize());
        assertEquals("paper", c.preset());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RetrainConfig.smoke().toBuilder().dropPathMax(1.0).build());
        assertTrue(e.getMessage().contains("drop-path probability must be in [0, 1), got 1.0"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RetrainConfig.smoke().toBuilder().epochs(0).build());
        assertTrue(e.getMessage().contains("epochs must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RetrainConfig.preset("fast"));
        assertTrue(e.getMessage().contains("'fast'"), e.getMessage());
    }
}
