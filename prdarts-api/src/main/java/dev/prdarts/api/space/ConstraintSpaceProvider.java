package dev.prdarts.api.space;

/**
 * Provides one constraint space; implementations are found with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin jar declares its provider in {@code META-INF/services} (class-path mode) and with
 * {@code provides} in its {@code module-info} (module mode). The built-in spaces are provided the
 * same way.
 */
public interface ConstraintSpaceProvider {

    /** Returns the name of the space this provider builds, unique among all providers. */
    String name();

    /** Creates the space. */
    ConstraintSpace space();
}
