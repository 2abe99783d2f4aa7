package dev.prdarts.api.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Creates folders, saying which folder could not be made and why when that fails. */
public final class Folders {

    private Folders() {}

    /**
     * Creates {@code dir} and any missing parents; does nothing when it already is a folder.
     *
     * @param dir the folder
     * @return {@code dir}
     * @throws IOException {@code "cannot create folder DIR: REASON"} when the folder cannot be made
     */
    public static Path create(Path dir) throws IOException {
        try {
            return Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new IOException("cannot create folder " + dir + ": " + reason(e), e);
        }
    }

    /** Returns why a file-system call failed, in words. */
    static String reason(FileSystemException e) {
        if (e.getReason() != null && !e.getReason().isBlank()) {
            return e.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " exists and is not a folder";
        }
        return e.getClass().getSimpleName();
    }
}
