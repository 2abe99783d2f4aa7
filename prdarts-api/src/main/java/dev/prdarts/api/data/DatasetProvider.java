package dev.prdarts.api.data;

import java.io.IOException;

/**
 * Loads one named image dataset; implementations are found with {@link java.util.ServiceLoader}.
 *
 * <p>A provider is cheap to create; all work happens in {@link #load}. It must check every file it
 * reads and report problems as a {@link DatasetException} naming the file, never return a partial
 * dataset.
 */
public interface DatasetProvider {

    /** Returns the dataset's name, unique among all providers, for example {@code cifar10}. */
    String name();

    /** Returns one line describing the dataset and the files it reads. */
    String description();

    /**
     * Loads the whole dataset into memory.
     *
     * @throws DatasetException if a file is missing or malformed
     * @throws IOException if a file cannot be read
     */
    ImageDataset load(DatasetRequest request) throws IOException;
}
