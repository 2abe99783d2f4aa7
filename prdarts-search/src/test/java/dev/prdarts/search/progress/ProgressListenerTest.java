package dev.prdarts.search.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgressListenerTest {

    @Test
    void silentListenerStillRejectsABlankTaskName() {
        var ex =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProgressListener.none().start(" ", 3));

        assertEquals("progress task name must not be blank", ex.getMessage());
    }

    @Test
    void silentTaskRejectsNegativeStepsAndStepsAfterItEnded() {
        ProgressTask task = ProgressListener.none().start("epoch 1", 3);

        var negative = assertThrows(IllegalArgumentException.class, () -> task.step(-1, null));
        task.close();
        var ended = assertThrows(IllegalStateException.class, () -> task.step(1, null));

        assertEquals(
                "progress steps of task 'epoch 1' must be >= 0, got -1", negative.getMessage());
        assertEquals("progress task 'epoch 1' has already ended", ended.getMessage());
    }
}
