package dev.prdarts.search.pools;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The initial candidate pools every edge starts a search with (DESIGN section 2). */
public enum InitialCatalog {
    /** The paper's start: max pool, avg pool, skip and a single 3x3 separable unit. */
    PRDARTS4(List.of(PoolOp.MAX3, PoolOp.AVG3, SkipOp.INSTANCE, ConvOp.START)),

    /** {@link #PRDARTS4} plus zero. */
    PRDARTS5(List.of(PoolOp.MAX3, PoolOp.AVG3, SkipOp.INSTANCE, ConvOp.START, ZeroOp.INSTANCE)),

    /** The eight DARTS candidates. */
    DARTS(
            List.of(
                    ZeroOp.INSTANCE,
                    PoolOp.MAX3,
                    PoolOp.AVG3,
                    SkipOp.INSTANCE,
                    ConvOp.of(3, 1, 1),
                    ConvOp.of(5, 1, 1),
                    ConvOp.of(3, 2),
                    ConvOp.of(5, 2)));

    private final List<OpConfig> ops;

    InitialCatalog(List<OpConfig> ops) {
        this.ops = ops;
    }

    /** Returns the candidates of this catalog in their pool order. */
    public List<OpConfig> ops() {
        return ops;
    }

    /** Returns the name used in configuration files, for example {@code prdarts4}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the catalog with the given configuration name.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static InitialCatalog byKey(String key) {
        for (InitialCatalog c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown catalog '" + key + "'; known catalogs: " + knownKeys());
    }

    /** Returns the known configuration names, comma separated. */
    public static String knownKeys() {
        return Arrays.stream(values()).map(InitialCatalog::key).collect(Collectors.joining(", "));
    }
}
