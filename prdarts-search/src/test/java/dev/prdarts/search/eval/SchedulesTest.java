package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void cosineStartsAtTheBaseAndFallsTowardsTheMinimum() {
        assertEquals(0.025, Schedules.cosineLearningRate(0.025, 0, 0, 600), 1e-12);
        assertEquals(0.0125, Schedules.cosineLearningRate(0.025, 0, 300, 600), 1e-12);
        double last = Schedules.cosineLearningRate(0.025, 0, 599, 600);
        assertTrue(last > 0 && last < 1e-6, "last " + last);
        assertEquals(0.011, Schedules.cosineLearningRate(0.02, 0.002, 5, 10), 1e-12);
    }

    @Test
    void dropPathRisesLinearlyFromZero() {
        assertEquals(0f, Schedules.dropPathProbability(0.3, 0, 600), 0f);
        assertEquals(0.15f, Schedules.dropPathProbability(0.3, 300, 600), 1e-7f);
        assertEquals(0.3f * 599 / 600, Schedules.dropPathProbability(0.3, 599, 600), 1e-7f);
    }

    @Test
    void epochOutsideTheRunIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Schedules.dropPathProbability(0.3, 10, 10));
        assertTrue(e.getMessage().contains("0..9"), e.getMessage());
    }
}
