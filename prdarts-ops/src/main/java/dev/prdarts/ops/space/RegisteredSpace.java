package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import java.util.Objects;

/**
 * A constraint space together with where it was declared.
 *
 * @param space the space
 * @param source where it came from
 */
public record RegisteredSpace(ConstraintSpace space, SpaceSource source) {

    /** Creates an entry; neither part may be null. */
    public RegisteredSpace {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(source, "source");
    }

    /** Returns the space's name. */
    public String name() {
        return space.name();
    }
}
