package dev.prdarts.search.progress;

/** A listener and task that show nothing but still check their arguments. */
final class NoProgress implements ProgressListener {

    static final NoProgress INSTANCE = new NoProgress();

    private NoProgress() {}

    @Override
    public ProgressTask start(String task, long total) {
        ProgressChecks.checkStart(task, total);
        return new ProgressTask() {
            private boolean ended;

            @Override
            public void step(long steps, String info) {
                ProgressChecks.checkStep(steps, ended, task);
            }

            @Override
            public void end() {
                ended = true;
            }
        };
    }
}
