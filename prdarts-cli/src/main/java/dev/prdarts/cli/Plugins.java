package dev.prdarts.cli;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loader over the plugin jars of one run.
 *
 * <p>Plugin locations come from {@code --plugins} or, when that is not given, from the {@value
 * #ENV} environment variable (a path list separated like the class path). A location is a folder,
 * whose {@code *.jar} files are loaded in name order, or a single jar. Every registry that finds
 * plugins with {@link java.util.ServiceLoader} (constraint spaces, datasets, memory probes) takes
 * {@link #loader()}, so one set of jars serves them all.
 */
public final class Plugins implements Closeable {

    /** The environment variable read when {@code --plugins} is not given. */
    public static final String ENV = "PRDARTS_PLUGINS";

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final List<Path> jars;
    private final ClassLoader loader;

    private Plugins(List<Path> jars, ClassLoader loader) {
        this.jars = List.copyOf(jars);
        this.loader = loader;
    }

    /**
     * Opens the plugins of a run.
     *
     * @param option the {@code --plugins} locations; when empty, {@code envValue} is used
     * @param envValue the value of {@value #ENV}, or null
     * @param parent the loader that sees prdarts itself
     * @throws IllegalArgumentException when a location does not exist or is neither a folder nor a
     *     jar, or when a jar is not a valid jar file
     */
    public static Plugins open(List<Path> option, String envValue, ClassLoader parent) {
        Objects.requireNonNull(parent, "parent");
        List<Path> jars = jars(locations(option, envValue));
        if (jars.isEmpty()) {
            return new Plugins(jars, parent);
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("plugin jar " + jars.get(i) + ": " + e, e);
            }
        }
        LOG.debug("plugin jars: {}", jars);
        return new Plugins(jars, new URLClassLoader("prdarts-plugins", urls, parent));
    }

    /** Returns the {@code --plugins} locations, or the entries of {@value #ENV} without them. */
    static List<Path> locations(List<Path> option, String envValue) {
        if (option != null && !option.isEmpty()) {
            return List.copyOf(option);
        }
        List<Path> fromEnv = new ArrayList<>();
        if (envValue != null) {
            for (String entry : envValue.split(File.pathSeparator, -1)) {
                if (!entry.isBlank()) {
                    fromEnv.add(Path.of(entry.strip()));
                }
            }
        }
        return fromEnv;
    }

    /** Returns the jars of the locations: each folder's jars in name order, or the jar itself. */
    static List<Path> jars(List<Path> locations) {
        List<Path> jars = new ArrayList<>();
        for (Path location : locations) {
            Path path = location.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (Stream<Path> files = Files.list(path)) {
                    found =
                            files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                                    .filter(Files::isRegularFile)
                                    .sorted()
                                    .toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (Path jar : found) {
                    checkJar(jar, location.resolve(jar.getFileName()));
                    jars.add(jar);
                }
            } else if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                checkJar(path, location);
                jars.add(path);
            } else if (Files.exists(path)) {
                throw new IllegalArgumentException(
                        "plugin location " + location + " must be a folder of jars or a .jar file");
            } else {
                throw new IllegalArgumentException(
                        "plugin location " + location + " does not exist");
            }
        }
        return jars;
    }

    /**
     * Opens the jar once to check that it is one: a class loader skips a broken jar without a word.
     *
     * @param jar the jar to check
     * @param shown the path named in the message, as the user gave it
     * @throws IllegalArgumentException naming the jar when it is not a valid jar file
     */
    private static void checkJar(Path jar, Path shown) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
        } catch (ZipException | SecurityException e) {
            throw new IllegalArgumentException(shown + ": not a valid jar file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    shown + ": cannot read the plugin jar: " + e.getMessage(), e);
        }
    }

    /** Returns the plugin jars, in load order; empty when there are none. */
    public List<Path> jars() {
        return jars;
    }

    /** Returns the loader over the plugin jars, or the parent when there are none. */
    public ClassLoader loader() {
        return loader;
    }

    /** Closes the loader over the plugin jars, if one was made. */
    @Override
    public void close() throws IOException {
        if (loader instanceof URLClassLoader) {
            ((URLClassLoader) loader).close();
        }
    }
}
