/**
 * The built-in constraint spaces DL, DR and UR, and the registry that gathers spaces by name.
 *
 * <p>The built-in spaces are provided through {@link dev.prdarts.api.space.ConstraintSpaceProvider}
 * exactly like a third-party plugin: {@code provides} in this module's descriptor and a {@code
 * META-INF/services} entry. {@link dev.prdarts.ops.space.SpaceRegistry} finds every provider a
 * class loader can see, reads TOML spaces files, records where each space came from and rejects
 * duplicate names.
 */
package dev.prdarts.ops.space;
