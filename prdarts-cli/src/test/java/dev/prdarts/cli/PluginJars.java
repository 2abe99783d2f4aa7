package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.space.ConstraintSpaceProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds third-party plugin jars at test time, the way an outside author would. */
final class PluginJars {

    private PluginJars() {}

    /**
     * Compiles one constraint-space provider against the prdarts-api classes and packs it, with its
     * {@code META-INF/services} entry, into {@code jar}.
     */
    static Path spaceProviderJar(Path work, Path jar, String className, String source)
            throws IOException, URISyntaxException {
        Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path classes = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);

        Path api =
                Path.of(
                        ConstraintSpaceProvider.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        boolean ok =
                javac.getTask(
                                log,
                                null,
                                null,
                                List.of(
                                        "--release",
                                        "17",
                                        "-classpath",
                                        api.toString(),
                                        "-d",
                                        classes.toString()),
                                null,
                                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                        .getJavaFileObjects(src))
                        .call();
        assertTrue(ok, "the test provider compiles: " + log);

        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) compiled.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(
                    new JarEntry("META-INF/services/" + ConstraintSpaceProvider.class.getName()));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Returns the source of a provider class for the given space constructor arguments. */
    static String providerSource(String className, String spaceName, String bounds) {
        int dot = className.lastIndexOf('.');
        return "package "
                + className.substring(0, dot)
                + ";\n"
                + "import dev.prdarts.api.space.ConstraintSpace;\n"
                + "import dev.prdarts.api.space.ConstraintSpaceProvider;\n"
                + "public final class "
                + className.substring(dot + 1)
                + " implements ConstraintSpaceProvider {\n"
                + "  @Override public String name() { return \""
                + spaceName
                + "\"; }\n"
                + "  @Override public ConstraintSpace space() {\n"
                + "    return new ConstraintSpace(\""
                + spaceName
                + "\", "
                + bounds
                + ");\n"
                + "  }\n"
                + "}\n";
    }
}
