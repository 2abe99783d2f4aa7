package dev.prdarts.search.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The built-in configurations a search can start from. */
public enum Preset {
    /**
     * A short search on the built-in Fashion-MNIST sample that shows every part of the algorithm
     * (four cycles, morphs in two of them) in a few minutes on two CPU cores.
     */
    SMOKE,

    /** The paper's setting: CIFAR-10, C = 16, 8 cells, the Table I schedule, batch 24..128. */
    PAPER;

    /** Returns the name used on the command line, {@code smoke} or {@code paper}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the class-path resource holding the preset's TOML text. */
    String resource() {
        return "/dev/prdarts/search/config/" + key() + ".toml";
    }

    /**
     * Returns the preset with the given name.
     *
     * @throws IllegalArgumentException listing the known presets when there is none
     */
    public static Preset byKey(String key) {
        for (Preset p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        String known = Arrays.stream(values()).map(Preset::key).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown preset '" + key + "'; known presets: " + known);
    }
}
