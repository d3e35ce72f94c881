package dev.accord.connectors.file;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * A file system's settings or files cannot work: the folder does not exist, a target has no version column
 * to compare and set, the export file holds a line that is not a record. Not retryable: the contract or the
 * files must change.
 */
public final class FileConfigurationException extends IllegalStateException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "FILE_CONFIGURATION";
    }


    public FileConfigurationException(String message) {
        super(message);
    }
}
