package dev.prdarts.search.progress;

/**
 * Receives the progress of long work.
 *
 * <p>A loop calls {@link #start(String, long)} once per task (an epoch, a data load, a retraining
 * run), advances the returned {@link ProgressTask} as it goes and ends it when done, preferably
 * with try-with-resources:
 *
 * <pre>{@code
 * try (ProgressTask task = progress.start("cycle 2 epoch 3", steps)) {
 *     for (int i = 0; i < steps; i++) {
 *         ...
 *         task.step(1, "loss 1.23");
 *     }
 * }
 * }</pre>
 *
 * <p>Tasks may be nested (an epoch inside a cycle); each is shown on its own. Implementations are
 * safe to call from the thread that runs the loop; they never throw for reporting failures.
 */
public interface ProgressListener {

    /**
     * Starts a task and returns its handle.
     *
     * @param task a short name a person reads, for example {@code "cycle 2/9 epoch 3/15"}
     * @param total the number of steps the task will take, or {@code -1} when unknown
     * @return the handle to advance and end the task
     * @throws IllegalArgumentException when the name is blank or {@code total < -1}
     */
    ProgressTask start(String task, long total);

    /** Returns a listener that shows nothing, for tests and embedded use. */
    static ProgressListener none() {
        return NoProgress.INSTANCE;
    }
}
