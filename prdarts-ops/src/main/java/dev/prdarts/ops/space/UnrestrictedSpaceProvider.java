package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;

/** Provides the unrestricted space {@link BuiltinSpaces#UR} through the constraint-space SPI. */
public final class UnrestrictedSpaceProvider implements ConstraintSpaceProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UnrestrictedSpaceProvider() {}

    @Override
    public String name() {
        return "UR";
    }

    @Override
    public ConstraintSpace space() {
        return BuiltinSpaces.UR;
    }
}
