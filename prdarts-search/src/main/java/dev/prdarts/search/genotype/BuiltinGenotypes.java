package dev.prdarts.search.genotype;

import dev.prdarts.api.genotype.Genotype;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The published cells: PR-DARTS DL1, DL2, DR and UR and, for comparison, DARTS V2.
 *
 * <p>Names are matched ignoring case, and {@code -} and {@code _} are the same: {@code dl2}, {@code
 * DARTS-V2} and {@code darts_v2} all work. The cells are those of the PR-DARTS paper (arXiv
 * 1906.07528, Fig. 3) and of DARTS (Liu et al., 2019).
 */
public final class BuiltinGenotypes {

    private static final Map<String, Genotype> CELLS = new LinkedHashMap<>();

    static {
        add(
                "DL1",
                """
                normal:
                - node 2: conv(5,1,[1]) <- 0, conv(3,1,[1]) <- 1
                - node 3: conv(3,1,[1]) <- 1, skip <- 2
                - node 4: conv(3,1,[1]) <- 1, skip <- 2
                - node 5: skip <- 0, skip <- 2
                reduce:
                - node 2: conv(3,1,[1]) <- 0, skip <- 1
                - node 3: max3 <- 0, conv(5,1,[1]) <- 2
                - node 4: conv(3,1,[1]) <- 0, conv(3,1,[1]) <- 1
                - node 5: max3 <- 1, conv(3,1,[1]) <- 4
                """);
        add(
                "DL2",
                """
                normal:
                - node 2: conv(3,1,[1]) <- 0, conv(3,1,[]) <- 1
                - node 3: conv(3,1,[]) <- 1, conv(7,1,[1]) <- 2
                - node 4: skip <- 0, conv(5,1,[1]) <- 1
                - node 5: conv(3,1,[1]) <- 1, conv(7,1,[1]) <- 4
                reduce:
                - node 2: conv(3,1,[]) <- 0, conv(3,1,[1]) <- 1
                - node 3: conv(3,1,[1]) <- 1, skip <- 2
                - node 4: max3 <- 0, conv(3,1,[]) <- 3
                - node 5: conv(3,1,[]) <- 0, skip <- 3
                """);
        add(
                "DR",
                """
                normal:
                - node 2: conv(3,1,[]) <- 0, conv(3,1,[3]) <- 1
                - node 3: conv(7,1,[1]) <- 1, conv(5,1,[2]) <- 2
                - node 4: skip <- 1, skip <- 3
                - node 5: skip <- 0, skip <- 2
                reduce:
                - node 2: conv(5,1,[2]) <- 0, max3 <- 1
                - node 3: max3 <- 1, conv(3,1,[1]) <- 2
                - node 4: max3 <- 0, conv(3,1,[3]) <- 2
                - node 5: max3 <- 0, conv(1,1,[1]) <- 3
                """);
        add(
                "UR",
                """
                normal:
                - node 2: conv(3,1,[2]) <- 0, conv(1,1,[]) <- 1
                - node 3: conv(3,1,[1,1,1]) <- 1, conv(5,1,[]) <- 2
                - node 4: conv(1,1,[1]) <- 1, conv(3,1,[1,1]) <- 2
                - node 5: conv(1,1,[1]) <- 3, conv(5,1,[1,1]) <- 4
                reduce:
                - node 2: conv(7,1,[1]) <- 0, conv(3,1,[]) <- 1
                - node 3: conv(3,1,[1,1]) <- 0, conv(3,1,[1]) <- 2
                - node 4: skip <- 0, skip <- 2
                - node 5: conv(7,1,[1,1]) <- 1, skip <- 2
                """);
        add(
                "DARTS_V2",
                """
                normal:
                - node 2: conv(3,1,[1]) <- 0, conv(3,1,[1]) <- 1
                - node 3: conv(3,1,[1]) <- 0, conv(3,1,[1]) <- 1
                - node 4: conv(3,1,[1]) <- 1, skip <- 0
                - node 5: skip <- 0, conv(3,2,[]) <- 2
                reduce:
                - node 2: max3 <- 0, max3 <- 1
                - node 3: skip <- 2, max3 <- 1
                - node 4: max3 <- 0, skip <- 2
                - node 5: skip <- 2, max3 <- 1
                """);
    }

    private BuiltinGenotypes() {}

    private static void add(String name, String text) {
        CELLS.put(name, GenotypeText.parse(text));
    }

    /** Returns the canonical names: {@code DL1, DL2, DR, UR, DARTS_V2}. */
    public static List<String> names() {
        return List.copyOf(CELLS.keySet());
    }

    /** Returns the built-in genotype of that name (case and {@code -}/{@code _} ignored). */
    public static Optional<Genotype> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CELLS.get(normalise(name)));
    }

    /**
     * Returns the built-in genotype of that name.
     *
     * @throws IllegalArgumentException listing the known names when there is none of that name
     */
    public static Genotype get(String name) {
        return find(name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown built-in genotype '"
                                                + name
                                                + "'; known: "
                                                + String.join(", ", names())));
    }

    /** Returns the canonical name of a built-in genotype, if the name denotes one. */
    public static Optional<String> canonicalName(String name) {
        return find(name).map(g -> normalise(name));
    }

    private static String normalise(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
