package dev.prdarts.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the recorded run folders under {@code src/test/resources/runs} into a test folder. */
final class Fixtures {

    static final String SEARCH = "search-dl-3cycles";
    static final String TRAIN = "train-5epochs";

    private Fixtures() {}

    /** Returns a fresh copy of the named recorded run inside {@code tmp}. */
    static Path copy(String name, Path tmp) throws IOException {
        Path source;
        try {
            source = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(
                    p -> {
                        try {
                            Path t = target.resolve(source.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(t);
                            } else {
                                Files.copy(p, t);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return target;
    }
}
