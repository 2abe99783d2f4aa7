package dev.prdarts.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.data.Augmentation;
import dev.prdarts.data.DataBenchmark;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@code prdarts bench data}: augmentation plus batching throughput on 3x32x32 images with one
 * worker thread, and the resident memory of holding CIFAR-10-sized data.
 */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the data pipeline: images per second of augmentation + batching (3x32x32, one"
                    + " worker thread) and the resident memory of holding the images.",
            "Targets: >= "
                    + BenchDataCommand.TARGET_IMAGES_PER_SECOND
                    + " images/s, < "
                    + BenchDataCommand.TARGET_RESIDENT_MB
                    + " MB for 50,000 images."
        })
public final class BenchDataCommand implements Callable<Integer> {

    static final int TARGET_IMAGES_PER_SECOND = 8000;
    static final int TARGET_RESIDENT_MB = 400;

    @Spec CommandSpec spec;

    @Option(names = "--images", description = "Images held in memory (default: ${DEFAULT-VALUE}).")
    int images = 50_000;

    @Option(names = "--batch-size", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(
            names = "--seconds",
            description = "How long to stream after warming up (default: ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--pad", description = "Random-crop padding (default: ${DEFAULT-VALUE}).")
    int pad = Augmentation.DEFAULT_PAD;

    @Option(
            names = "--cutout",
            description = "Cutout side, 0 for none (default: ${DEFAULT-VALUE}).")
    int cutout;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DataBenchmark.Settings settings =
                new DataBenchmark.Settings(
                        images, batchSize, seconds, new Augmentation(pad, true, cutout));
        DataBenchmark.Result r;
        try (NDManager manager = NDManager.newBaseManager()) {
            r = DataBenchmark.run(settings, manager);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toMap(r)));
            return 0;
        }
        double mib = 1024.0 * 1024.0;
        out.printf(
                "data pipeline, %s images, batch %d, pad %d + flip%s, 1 worker thread%n",
                DataBenchmark.SHAPE, batchSize, pad, cutout > 0 ? " + cutout " + cutout : "");
        out.printf(
                "throughput: %,.0f images/s (%,d images in %.1f s); target >= %,d: %s%n",
                r.imagesPerSecond(),
                r.imagesStreamed(),
                r.seconds(),
                TARGET_IMAGES_PER_SECOND,
                r.imagesPerSecond() >= TARGET_IMAGES_PER_SECOND ? "met" : "NOT met");
        if (r.residentDeltaBytes() < 0) {
            out.printf(
                    "memory: %,d images = %.1f MiB of pixel bytes; resident size unknown here%n",
                    images, r.heldBytes() / mib);
        } else {
            out.printf(
                    "memory: %,d images = %.1f MiB of pixel bytes; resident +%.1f MiB (process"
                            + " %.1f MiB); target < %d MB: %s%n",
                    images,
                    r.heldBytes() / mib,
                    r.residentDeltaBytes() / mib,
                    r.residentAfterBytes() / mib,
                    TARGET_RESIDENT_MB,
                    r.residentDeltaBytes() < TARGET_RESIDENT_MB * 1_000_000L ? "met" : "NOT met");
        }
        return 0;
    }

    private Map<String, Object> toMap(DataBenchmark.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", DataBenchmark.SHAPE.toString());
        m.put("images", images);
        m.put("batch_size", batchSize);
        m.put("pad", pad);
        m.put("flip", true);
        m.put("cutout", cutout);
        m.put("worker_threads", 1);
        m.put("images_streamed", r.imagesStreamed());
        m.put("seconds", r.seconds());
        m.put("images_per_second", r.imagesPerSecond());
        m.put("target_images_per_second", TARGET_IMAGES_PER_SECOND);
        m.put("held_bytes", r.heldBytes());
        m.put("resident_before_bytes", r.residentBeforeBytes());
        m.put("resident_after_bytes", r.residentAfterBytes());
        m.put("resident_delta_bytes", r.residentDeltaBytes());
        m.put("target_resident_bytes", TARGET_RESIDENT_MB * 1_000_000L);
        return m;
    }
}
