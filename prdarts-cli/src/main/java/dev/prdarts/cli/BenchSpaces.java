package dev.prdarts.cli;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.space.SpaceRegistry;

/** The constraint space the benchmarks use. */
final class BenchSpaces {

    /** The built-in DL space, found like any other. */
    static final ConstraintSpace DL =
            SpaceRegistry.discover(BenchSpaces.class.getClassLoader()).get("DL");

    private BenchSpaces() {}
}
