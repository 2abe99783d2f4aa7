package dev.prdarts.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.ops.ConvOp;
import org.junit.jupiter.api.Test;

class ConstraintSpaceTest {

    @Test
    void everySpaceAdmitsTheStartingConv() {
        ConstraintSpace tight = new ConstraintSpace("T", 3, 3, 1, 0, 1, 0);

        assertTrue(tight.allows(ConvOp.START));
    }

    @Test
    void kernelBoundsThatLeaveOutThreeAreRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new ConstraintSpace("BIG", 4, 6, 1, 0, 1, 0));

        assertEquals(
                "space BIG: the bounds must admit the starting conv conv(k=3,d=1,x=[]), so"
                        + " kernel_min must be <= 3 and kernel_max >= 3, got kernel_min = 4,"
                        + " kernel_max = 6",
                e.getMessage());
    }

    @Test
    void kernelMaxBelowThreeIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new ConstraintSpace("ONE", 1, 1, 1, 0, 1, 0));
    }
}
