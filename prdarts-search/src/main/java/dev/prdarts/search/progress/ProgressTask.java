package dev.prdarts.search.progress;

/** One running task of a {@link ProgressListener}: advanced step by step, then ended. */
public interface ProgressTask extends AutoCloseable {

    /**
     * Advances the task.
     *
     * @param steps how many steps were done since the last call, at least 0
     * @param info a short status shown beside the bar (for example the running loss), or {@code
     *     null} to keep the previous one
     * @throws IllegalArgumentException when {@code steps} is negative
     * @throws IllegalStateException when the task has ended
     */
    void step(long steps, String info);

    /** Ends the task; further calls to {@code end} do nothing. */
    void end();

    /** Ends the task, the same as {@link #end()}. */
    @Override
    default void close() {
        end();
    }
}
