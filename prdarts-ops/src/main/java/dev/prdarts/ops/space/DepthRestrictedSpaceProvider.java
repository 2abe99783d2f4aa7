package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;

/**
 * Provides the depth-restricted space {@link BuiltinSpaces#DR} through the constraint-space SPI.
 */
public final class DepthRestrictedSpaceProvider implements ConstraintSpaceProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DepthRestrictedSpaceProvider() {}

    @Override
    public String name() {
        return "DR";
    }

    @Override
    public ConstraintSpace space() {
        return BuiltinSpaces.DR;
    }
}
