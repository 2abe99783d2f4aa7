package dev.prdarts.search.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointNameTest {

    @Test
    void namesParseBackToTheirPosition() {
        assertEquals("epoch-000012.ckpt", CheckpointName.endOfEpoch(12).fileName());
        assertEquals("epoch-000013-step-000037.ckpt", CheckpointName.inEpoch(13, 37).fileName());
        assertEquals(
                Optional.of(CheckpointName.inEpoch(13, 37)),
                CheckpointName.parse("epoch-000013-step-000037.ckpt"));
        assertEquals(
                Optional.of(CheckpointName.endOfEpoch(1234567)),
                CheckpointName.parse("epoch-1234567.ckpt"));
        assertTrue(CheckpointName.parse(".epoch-000012.ckpt.tmp").isEmpty());
        assertTrue(CheckpointName.parse("epoch-000012.ckpt.corrupt").isEmpty());
        assertTrue(CheckpointName.parse("epoch-000000.ckpt").isEmpty());
        assertTrue(CheckpointName.parse("epoch-000003-step-000000.ckpt").isEmpty());
    }

    @Test
    void stepsOfAnEpochComeBeforeItsEndAndAfterThePreviousEnd() {
        List<CheckpointName> names =
                new ArrayList<>(
                        List.of(
                                CheckpointName.endOfEpoch(13),
                                CheckpointName.inEpoch(13, 37),
                                CheckpointName.inEpoch(13, 5),
                                CheckpointName.endOfEpoch(12),
                                CheckpointName.inEpoch(2, 900)));
        Collections.sort(names);

        assertEquals(
                List.of(
                        CheckpointName.inEpoch(2, 900),
                        CheckpointName.endOfEpoch(12),
                        CheckpointName.inEpoch(13, 5),
                        CheckpointName.inEpoch(13, 37),
                        CheckpointName.endOfEpoch(13)),
                names);
    }

    @Test
    void impossiblePositionsAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CheckpointName.endOfEpoch(0));
        assertEquals(
                "checkpoint position needs epoch >= 1 and step >= 0, got epoch 0, step 0",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckpointName.inEpoch(3, 0));
    }
}
