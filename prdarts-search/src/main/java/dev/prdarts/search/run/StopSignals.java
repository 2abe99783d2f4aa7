package dev.prdarts.search.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop while a search runs: the first signal asks
 * the search to stop at the end of its current step, where it writes a checkpoint; a second one
 * quits at once (the checkpoints already written stay intact, being written atomically).
 *
 * <p>The signals are caught with {@code sun.misc.Signal} rather than a shutdown hook, so the JVM
 * does not start shutting down while the search finishes its step and writes the checkpoint. {@link
 * #close()} puts the previous handlers back.
 */
public final class StopSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private static final List<String> NAMES = List.of("INT", "TERM");

    private final Runnable stop;
    private final AtomicInteger received = new AtomicInteger();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals(Runnable stop) {
        this.stop = stop;
    }

    /** Installs handlers that stop {@code runner} gracefully; close the result when it returns. */
    public static StopSignals install(SearchRunner runner) {
        return install(runner::requestStop);
    }

    /**
     * Installs handlers that run {@code stop} on the first signal and halt the JVM on the second.
     * Signals the platform does not offer are skipped.
     */
    public static StopSignals install(Runnable stop) {
        StopSignals s = new StopSignals(stop);
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, s::handle));
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot catch SIG{}: {}", name, e.getMessage());
            }
        }
        return s;
    }

    /** Returns how many signals arrived. */
    public int received() {
        return received.get();
    }

    private void handle(Signal signal) {
        if (received.getAndIncrement() == 0) {
            LOG.info(
                    "SIG{} received: the search stops after the current step and writes a"
                            + " checkpoint (send it again to quit at once)",
                    signal.getName());
            stop.run();
        } else {
            LOG.warn("SIG{} received again: quitting without a checkpoint", signal.getName());
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    /** Puts back the handlers that were installed before. */
    @Override
    public void close() {
        for (Map.Entry<Signal, SignalHandler> e : previous.entrySet()) {
            Signal.handle(e.getKey(), e.getValue());
        }
        previous.clear();
    }
}
