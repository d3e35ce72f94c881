package dev.accord.workflows.codec;

import dev.accord.core.failure.ClassifiedFailure;

/** Payload keys are missing or wrong: a configuration failure, never retried into success. */
public abstract sealed class PayloadKeyException extends IllegalStateException implements ClassifiedFailure
        permits MissingPayloadKeyException, InvalidPayloadKeyException {

    protected PayloadKeyException(String message) {
        super(message);
    }
}
