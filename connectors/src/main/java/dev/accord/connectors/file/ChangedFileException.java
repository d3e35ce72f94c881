package dev.accord.connectors.file;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * A source file changed in the part that was already read: its checksum up to the checkpoint's line is not
 * the one recorded with the checkpoint. Files are processed once; a changed record belongs in a new file.
 * Not retried (it is an {@link IllegalArgumentException}): reading again would find the same change. The
 * message names the file, the line and both checksums.
 */
public final class ChangedFileException extends IllegalArgumentException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "SOURCE_FILE_CHANGED";
    }


    public ChangedFileException(String message) {
        super(message);
    }
}
