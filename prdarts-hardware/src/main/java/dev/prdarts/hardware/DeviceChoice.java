package dev.prdarts.hardware;

import ai.djl.Device;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a run asks for: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}.
 *
 * @param kind what was asked for
 * @param index the GPU index for {@link Kind#GPU}, 0 otherwise
 */
public record DeviceChoice(Kind kind, int index) {

    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d{1,4}))?");

    /** The kinds of device choice. */
    public enum Kind {
        /** The CPU. */
        CPU,
        /** One GPU, by index. */
        GPU,
        /** A GPU when one is usable, otherwise the CPU. */
        AUTO
    }

    /** Validates the fields. */
    public DeviceChoice {
        Objects.requireNonNull(kind, "kind must not be null");
        if (index < 0 || (kind != Kind.GPU && index != 0)) {
            throw new IllegalArgumentException(
                    "device index must be >= 0 and only given for a GPU, got "
                            + kind
                            + " "
                            + index);
        }
    }

    /** Returns the choice of the CPU. */
    public static DeviceChoice cpu() {
        return new DeviceChoice(Kind.CPU, 0);
    }

    /** Returns the choice of GPU {@code index}. */
    public static DeviceChoice gpu(int index) {
        return new DeviceChoice(Kind.GPU, index);
    }

    /** Returns the automatic choice. */
    public static DeviceChoice auto() {
        return new DeviceChoice(Kind.AUTO, 0);
    }

    /**
     * Parses {@code cpu}, {@code gpu} (GPU 0), {@code gpu:N} or {@code auto}, ignoring case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return cpu();
        }
        if (t.equals("auto")) {
            return auto();
        }
        Matcher m = GPU.matcher(t);
        if (m.matches()) {
            return gpu(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException(
                "unknown device '" + text + "': expected cpu, gpu, gpu:N (N >= 0) or auto");
    }

    /**
     * Returns the DJL device for this choice.
     *
     * @param gpus says how many GPUs the engine can use
     * @throws IllegalArgumentException if a GPU is asked for that the engine cannot use
     */
    public Device resolve(GpuDetector gpus) {
        switch (kind) {
            case CPU:
                return Device.cpu();
            case AUTO:
                return gpus.usableGpus() > 0 ? Device.gpu(0) : Device.cpu();
            case GPU:
            default:
                int usable = gpus.usableGpus();
                if (index >= usable) {
                    throw new IllegalArgumentException(
                            "device "
                                    + this
                                    + " is not available: "
                                    + (usable == 0
                                            ? "the engine can use no GPU (" + gpus.reason() + ")"
                                            : "the engine can use gpu:0 to gpu:" + (usable - 1)));
                }
                return Device.gpu(index);
        }
    }

    /** Returns the canonical text: {@code cpu}, {@code gpu:N} or {@code auto}. */
    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
