package dev.prdarts.cli;

import dev.prdarts.ops.space.SpaceRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --spaces-file} option, shared by every command that picks a constraint space. */
public final class SpaceOptions {

    @Option(
            names = "--spaces-file",
            paramLabel = "FILE",
            description =
                    "A TOML file of [[space]] tables (name, kernel_min, kernel_max, dilation_max,"
                            + " max_depth, max_width, max_sum); repeatable.")
    List<Path> files = new ArrayList<>();

    /** Returns the spaces files given on the command line. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /**
     * Returns the registry of the providers {@code loader} sees and the spaces of the files.
     *
     * @throws IOException when a spaces file cannot be read or is malformed
     */
    public SpaceRegistry registry(ClassLoader loader) throws IOException {
        return SpaceRegistry.load(loader, files);
    }
}
