package dev.accord.workflows.codec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Makes the embedded set-up's payload key: 32 random bytes, base64, owner-only, written atomically so two processes
 * starting together end up with the same key. Only the embedded worker and the demo call this.
 */
final class EmbeddedKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EmbeddedKeyFile() {}

    static void createIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            // Owner-only from the moment it exists where the file system has POSIX permissions; elsewhere
            // (Windows) a temporary file is already private to the user who creates it.
            Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(folder, "payload", ".key", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(folder, "payload", ".key");
            Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n");
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw PayloadKeys.cannotCreate(file, e);
        }
    }
}
