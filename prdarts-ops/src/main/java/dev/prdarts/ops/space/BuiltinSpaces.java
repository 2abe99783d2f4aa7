package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import java.util.List;

/** The three constraint spaces of the paper (DESIGN section 4, Table II). */
public final class BuiltinSpaces {

    /** The DARTS-like space: k 3..7, d <= 2, at most one expansion factor of 1. */
    public static final ConstraintSpace DL = new ConstraintSpace("DL", 3, 7, 2, 1, 1, 1);

    /** The depth-restricted space: k 1..7, d <= 2, one expansion factor of at most 5. */
    public static final ConstraintSpace DR = new ConstraintSpace("DR", 1, 7, 2, 1, 5, 5);

    /** The unrestricted space: k 1..7, d <= 2, any expansion list. */
    public static final ConstraintSpace UR =
            new ConstraintSpace(
                    "UR",
                    1,
                    7,
                    2,
                    ConstraintSpace.UNBOUNDED,
                    ConstraintSpace.UNBOUNDED,
                    ConstraintSpace.UNBOUNDED);

    private BuiltinSpaces() {}

    /** Returns DL, DR and UR in that order. */
    public static List<ConstraintSpace> all() {
        return List.of(DL, DR, UR);
    }
}
