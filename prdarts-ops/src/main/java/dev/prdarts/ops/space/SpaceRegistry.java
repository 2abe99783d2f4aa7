package dev.prdarts.ops.space;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The constraint spaces known to a run, by name, each with its source.
 *
 * <p>Spaces come from {@link ConstraintSpaceProvider}s found with {@link ServiceLoader} (the
 * built-in DL, DR and UR and any plugin on the given class loader) and from TOML spaces files (see
 * {@link SpaceFile}). Names are looked up ignoring case ({@code dl} finds {@code DL}) and keep the
 * spelling they were registered with. Names are unique ignoring case: declaring one twice is an
 * error that names both sources. Instances are immutable; build them with {@link #builder()} or
 * {@link #discover(ClassLoader)}.
 */
public final class SpaceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SpaceRegistry.class);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** The spaces by {@link #key(String)} of their names, in the order of {@link #entries()}. */
    private final Map<String, RegisteredSpace> spaces;

    private SpaceRegistry(Map<String, RegisteredSpace> spaces) {
        this.spaces = Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
    }

    /** Returns the lookup key of a space name: the name in upper case, so case does not matter. */
    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** Returns a registry of every provider visible to {@code loader}. */
    public static SpaceRegistry discover(ClassLoader loader) {
        return builder().addProviders(loader).build();
    }

    /**
     * Returns a registry of every provider visible to {@code loader} and every space declared in
     * the given TOML files.
     *
     * @throws SpaceFileException naming the file and key when a file's content is wrong
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a name is declared twice (both sources named)
     */
    public static SpaceRegistry load(ClassLoader loader, List<Path> spaceFiles) throws IOException {
        Builder builder = builder().addProviders(loader);
        for (Path file : spaceFiles) {
            builder.addFile(file);
        }
        return builder.build();
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the space with this name, compared ignoring case.
     *
     * @throws IllegalArgumentException listing the known names when there is no such space
     */
    public ConstraintSpace get(String name) {
        return entry(name).space();
    }

    /**
     * Returns the space with this name, compared ignoring case, together with its source; {@link
     * RegisteredSpace#name()} is the name as registered.
     *
     * @throws IllegalArgumentException listing the known names when there is no such space
     */
    public RegisteredSpace entry(String name) {
        RegisteredSpace entry = name == null ? null : spaces.get(key(name));
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown constraint space '" + name + "'; known spaces: " + knownNames());
        }
        return entry;
    }

    /** Returns the space with this name (compared ignoring case) and its source, or empty. */
    public Optional<RegisteredSpace> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(spaces.get(key(name)));
    }

    /** Returns every space: built-in first, then plugins, then files, each in discovery order. */
    public List<RegisteredSpace> entries() {
        return List.copyOf(spaces.values());
    }

    /** Returns the names of all spaces, as registered, in the order of {@link #entries()}. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (RegisteredSpace entry : spaces.values()) {
            names.add(entry.name());
        }
        return Collections.unmodifiableSet(names);
    }

    private String knownNames() {
        return spaces.isEmpty() ? "(none)" : String.join(", ", names());
    }

    @Override
    public String toString() {
        return "SpaceRegistry" + names();
    }

    /** Collects spaces from providers, files and code, then checks that names are unique. */
    public static final class Builder {

        private final Map<String, RegisteredSpace> spaces = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds the space of every {@link ConstraintSpaceProvider} that {@code loader} can see.
         *
         * <p>A provider loaded from the same jar (or class folder) as prdarts-ops is built-in; any
         * other is a plugin whose source is its jar.
         *
         * @throws IllegalStateException when a provider cannot be loaded or built
         * @throws IllegalArgumentException when a name is taken or a provider is inconsistent
         */
        public Builder addProviders(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            ServiceLoader<ConstraintSpaceProvider> services =
                    ServiceLoader.load(ConstraintSpaceProvider.class, loader);
            List<ServiceLoader.Provider<ConstraintSpaceProvider>> found;
            try {
                found = services.stream().toList();
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException(
                        "could not discover constraint-space providers: " + e.getMessage(), e);
            }
            for (ServiceLoader.Provider<ConstraintSpaceProvider> candidate : found) {
                Class<? extends ConstraintSpaceProvider> type = candidate.type();
                SpaceSource source = sourceOf(type);
                ConstraintSpace space = spaceOf(candidate, source);
                LOG.debug("found constraint space {} from {} ({})", space.name(), source, type);
                add(space, source);
            }
            return this;
        }

        /**
         * Adds every space declared in a TOML spaces file.
         *
         * @throws SpaceFileException naming the file and key when the file content is wrong
         * @throws IOException when the file cannot be read
         * @throws IllegalArgumentException when a name is taken
         */
        public Builder addFile(Path file) throws IOException {
            SpaceSource source = SpaceSource.file(file.toString());
            for (ConstraintSpace space : SpaceFile.read(file)) {
                LOG.debug("found constraint space {} in {}", space.name(), file);
                add(space, source);
            }
            return this;
        }

        /**
         * Adds one space.
         *
         * @throws IllegalArgumentException when the name is taken, ignoring case (both sources
         *     named), or is not made of letters, digits, '_', '.' and '-'
         */
        public Builder add(ConstraintSpace space, SpaceSource source) {
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(source, "source");
            if (!NAME.matcher(space.name()).matches()) {
                throw new IllegalArgumentException(
                        "constraint space name '"
                                + space.name()
                                + "' from "
                                + source
                                + " must start with a letter or digit and hold only letters,"
                                + " digits, '_', '.' and '-'");
            }
            RegisteredSpace earlier = spaces.get(key(space.name()));
            if (earlier != null && earlier.name().equals(space.name())) {
                throw new IllegalArgumentException(
                        "constraint space '"
                                + space.name()
                                + "' is declared twice: by "
                                + earlier.source()
                                + " and by "
                                + source);
            }
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "constraint space '"
                                + space.name()
                                + "' from "
                                + source
                                + " clashes with '"
                                + earlier.name()
                                + "' from "
                                + earlier.source()
                                + ": space names are compared ignoring case");
            }
            spaces.put(key(space.name()), new RegisteredSpace(space, source));
            return this;
        }

        /** Returns the registry: built-in spaces first, then plugins, then files. */
        public SpaceRegistry build() {
            List<RegisteredSpace> ordered = new ArrayList<>(spaces.values());
            ordered.sort(Comparator.comparing(e -> e.source().kind()));
            Map<String, RegisteredSpace> byName = new LinkedHashMap<>();
            for (RegisteredSpace entry : ordered) {
                byName.put(key(entry.name()), entry);
            }
            return new SpaceRegistry(byName);
        }

        private static ConstraintSpace spaceOf(
                ServiceLoader.Provider<ConstraintSpaceProvider> candidate, SpaceSource source) {
            String type = candidate.type().getName();
            ConstraintSpaceProvider provider;
            ConstraintSpace space;
            try {
                provider = candidate.get();
                space = provider.space();
            } catch (ServiceConfigurationError | RuntimeException e) {
                throw new IllegalStateException(
                        "constraint-space provider "
                                + type
                                + " from "
                                + source
                                + " failed: "
                                + e.getMessage(),
                        e);
            }
            if (space == null) {
                throw new IllegalArgumentException(
                        "constraint-space provider "
                                + type
                                + " from "
                                + source
                                + " returned no space");
            }
            if (!space.name().equals(provider.name())) {
                throw new IllegalArgumentException(
                        "constraint-space provider "
                                + type
                                + " from "
                                + source
                                + " is named '"
                                + provider.name()
                                + "' but its space is named '"
                                + space.name()
                                + "'");
            }
            return space;
        }

        private static SpaceSource sourceOf(Class<?> type) {
            URL location = locationOf(type);
            if (location != null && location.equals(locationOf(SpaceRegistry.class))) {
                return SpaceSource.BUILT_IN;
            }
            if (location == null) {
                return SpaceSource.plugin(type.getName());
            }
            try {
                return SpaceSource.plugin(Path.of(location.toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
                return SpaceSource.plugin(location.toString());
            }
        }

        private static URL locationOf(Class<?> type) {
            CodeSource code = type.getProtectionDomain().getCodeSource();
            return code == null ? null : code.getLocation();
        }
    }
}
