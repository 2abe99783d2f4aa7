package dev.prdarts.ops.space;

import java.util.Objects;

/**
 * Where a constraint space came from: built into prdarts, a plugin jar, or a spaces file.
 *
 * @param kind the kind of source
 * @param location the plugin jar or file path; empty for built-in spaces
 */
public record SpaceSource(Kind kind, String location) {

    /** The built-in source of DL, DR and UR. */
    public static final SpaceSource BUILT_IN = new SpaceSource(Kind.BUILT_IN, "");

    /** The kinds of source. */
    public enum Kind {
        /** Provided by prdarts-ops itself. */
        BUILT_IN,
        /** Provided through the SPI by a jar or directory outside prdarts-ops. */
        PLUGIN,
        /** Declared in a TOML spaces file. */
        FILE
    }

    /** Creates a source and checks that non-built-in sources name a location. */
    public SpaceSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if (kind != Kind.BUILT_IN && location.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " space source needs a location");
        }
    }

    /** Returns a plugin source at the given jar or directory. */
    public static SpaceSource plugin(String location) {
        return new SpaceSource(Kind.PLUGIN, location);
    }

    /** Returns a file source at the given path. */
    public static SpaceSource file(String location) {
        return new SpaceSource(Kind.FILE, location);
    }

    /**
     * Returns the source as a person reads it: {@code built-in}, {@code plugin X}, {@code file X}.
     */
    @Override
    public String toString() {
        switch (kind) {
            case BUILT_IN:
                return "built-in";
            case PLUGIN:
                return "plugin " + location;
            default:
                return "file " + location;
        }
    }
}
