/**
 * Crash-safe checkpoint files of a search: named arrays plus JSON metadata in one file, written
 * atomically (temporary file, flush to disk, rename) with a CRC32C checksum, and a store that keeps
 * the last two in a run folder's {@code checkpoints/} and loads the newest one that is intact.
 *
 * <p>The storage layer knows nothing about the search; {@link dev.prdarts.search.run.SearchRunner}
 * decides what goes into a checkpoint and how a search continues from one.
 */
package dev.prdarts.search.checkpoint;
