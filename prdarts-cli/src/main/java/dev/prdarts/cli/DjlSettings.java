package dev.prdarts.cli;

/** Keeps DJL from downloading anything or contacting any host. */
final class DjlSettings {

    private DjlSettings() {}

    /** Sets the offline properties before any DJL class is touched. */
    static void applyOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }
}
