package dev.accord.workflows.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The 256-bit key Accord encrypts Temporal payloads with. From {@code ACCORD_PAYLOAD_KEY} (base64) when set —
 * every worker and client of a deployment must share it; otherwise from {@code .accord/payload.key} under the
 * working directory, created on first use (the embedded default: the worker and the CLI started from the same
 * folder share it).
 *
 * @param id a short fingerprint, recorded with each payload, so a wrong key is reported as such
 */
public record PayloadKey(byte[] bytes, String id) {

    public static final String ENVIRONMENT = "ACCORD_PAYLOAD_KEY";
    static final Path DEFAULT_FILE = Path.of(".accord", "payload.key");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static PayloadKey of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a payload key is 32 bytes (256 bits), base64-encoded; this one has " + bytes.length
                    + " bytes. Make one with: head -c 32 /dev/urandom | base64");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new PayloadKey(bytes.clone(), HexFormat.of().formatHex(digest, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured key: the environment variable, else the key file (created when missing). */
    public static PayloadKey configured() {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return of(Base64.getDecoder().decode(fromEnvironment.trim()));
        }
        return fromFile(DEFAULT_FILE);
    }

    static PayloadKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return of(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the payload key " + file.toAbsolutePath()
                    + "; set " + ENVIRONMENT + " instead", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
        // Owner-only from the moment it exists where the file system has POSIX permissions; elsewhere
        // (Windows) a temporary file is already private to the user who creates it.
        Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, "payload", ".key", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, "payload", ".key");
        Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes));
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            Files.deleteIfExists(temporary);
        }
    }
}
