package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;

/** Provides the DARTS-like space {@link BuiltinSpaces#DL} through the constraint-space SPI. */
public final class DartsLikeSpaceProvider implements ConstraintSpaceProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DartsLikeSpaceProvider() {}

    @Override
    public String name() {
        return "DL";
    }

    @Override
    public ConstraintSpace space() {
        return BuiltinSpaces.DL;
    }
}
