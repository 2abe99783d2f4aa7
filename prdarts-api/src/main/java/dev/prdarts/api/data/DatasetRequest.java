package dev.prdarts.api.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link DatasetProvider} is asked to load.
 *
 * @param dataDir the folder holding the dataset's files, or empty for the provider's default
 *     location (providers without one report that a folder is needed)
 * @param imageSize the side images are resized to, for providers that resize (image folders); 0 for
 *     the provider's default
 */
public record DatasetRequest(Optional<Path> dataDir, int imageSize) {

    /** Creates a request and checks the image size. */
    public DatasetRequest {
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        if (imageSize < 0) {
            throw new IllegalArgumentException("image size must be >= 0, got " + imageSize);
        }
    }

    /** Returns a request for the provider's default location and image size. */
    public static DatasetRequest defaults() {
        return new DatasetRequest(Optional.empty(), 0);
    }

    /** Returns a request for the files in {@code dataDir} at the provider's default size. */
    public static DatasetRequest of(Path dataDir) {
        return new DatasetRequest(Optional.of(dataDir), 0);
    }
}
