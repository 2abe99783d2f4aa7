package dev.prdarts.search.run;

import dev.prdarts.api.io.Folders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run folder's lock file, held while a search or a training runs in it, so
 * two processes never write the same run and {@code --force} never replaces a running one.
 *
 * <p>The lock is the operating system's file lock: it ends with the process, however that ends.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file}, creating the file and its folder when missing.
     *
     * @param busy the message when another process (or owner in this one) holds it
     * @throws IllegalStateException with {@code busy} when the lock is held
     */
    public static RunLock acquire(Path file, String busy) throws IOException {
        Folders.create(file.toAbsolutePath().getParent());
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IllegalStateException(busy);
        }
        return new RunLock(ch, lock);
    }

    /** Returns whether a process (this one included) holds the lock of an existing {@code file}. */
    public static boolean isHeld(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
