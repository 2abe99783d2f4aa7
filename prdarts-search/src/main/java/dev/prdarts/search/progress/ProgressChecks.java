package dev.prdarts.search.progress;

/** Argument checks shared by every progress implementation. */
public final class ProgressChecks {

    private ProgressChecks() {}

    /**
     * Checks the arguments of {@link ProgressListener#start(String, long)}.
     *
     * @throws IllegalArgumentException when the name is blank or {@code total < -1}
     */
    public static void checkStart(String task, long total) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("progress task name must not be blank");
        }
        if (total < -1) {
            throw new IllegalArgumentException(
                    "progress total of task '" + task + "' must be >= -1 (unknown), got " + total);
        }
    }

    /**
     * Checks the arguments of {@link ProgressTask#step(long, String)}.
     *
     * @throws IllegalArgumentException when {@code steps} is negative
     * @throws IllegalStateException when the task has ended
     */
    public static void checkStep(long steps, boolean ended, String task) {
        if (ended) {
            throw new IllegalStateException("progress task '" + task + "' has already ended");
        }
        if (steps < 0) {
            throw new IllegalArgumentException(
                    "progress steps of task '" + task + "' must be >= 0, got " + steps);
        }
    }
}
