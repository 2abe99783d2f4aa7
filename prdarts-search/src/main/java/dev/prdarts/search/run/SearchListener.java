package dev.prdarts.search.run;

import java.nio.file.Path;

/**
 * Learns of a search's progress as it happens; every method runs on the training thread, so a slow
 * listener slows the search. Every method does nothing by default.
 */
public interface SearchListener {

    /**
     * Called after every weight step.
     *
     * @param cycle the 1-based cycle
     * @param epoch the 1-based epoch within the cycle
     * @param step the 1-based weight step within the epoch
     */
    default void stepFinished(int cycle, int epoch, int step) {}

    /** Called after a checkpoint file has been written. */
    default void checkpointWritten(Path file) {}

    /**
     * Called at the end of a cycle, once its pools file is written and before the next cycle's
     * network is built.
     *
     * @param cycle the 1-based cycle that ended
     */
    default void cycleFinished(int cycle) {}
}
