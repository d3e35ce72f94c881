package dev.accord.workflows.codec;

import io.temporal.payload.codec.ChainCodec;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a Temporal client or worker needs to write and read Accord's payloads: the mode, the names of PII
 * properties (from the contract) and where the keys come from. The keys are looked up once, when first needed.
 */
public record PayloadProtection(PayloadEncryption encryption, PiiNames pii, Supplier<PayloadKeyring> keys) {

    public PayloadProtection {
        keys = memoized(keys);
    }

    public static PayloadProtection field(PiiNames pii, PayloadKeyring keys) {
        return new PayloadProtection(PayloadEncryption.FIELD, pii, () -> keys);
    }

    /**
     * The codecs, in {@code CodecDataConverter}'s order (encoding runs them last to first, decoding first to last).
     * Whole-payload mode encrypts JSON whose PII values are already sealed, so peeling the outer layer (the codec server
     * for the Temporal UI) still shows no PII.
     */
    public List<PayloadCodec> codecs() {
        return switch (encryption) {
            case FIELD -> List.of(fieldCodec());
            case PAYLOAD -> List.of(new EncryptingPayloadCodec(keys), fieldCodec());
        };
    }

    /** Every codec in one, for a codec server: decodes everything, PII included. */
    public PayloadCodec codec() {
        return new ChainCodec(codecs());
    }

    /** For a codec server's callers who may not see PII: decodes everything but gives PII values back sealed. */
    public PayloadCodec codecWithoutPii() {
        return new PiiSealingCodec(codec(), fieldCodec());
    }

    /**
     * A value sealed by its sender, for a place the codec cannot tell is PII: a bare signal argument such as a
     * review's edited value ({@code ReviewWorkflow.edit}). Whoever decodes it with the keys gets {@code text} back.
     */
    public String sealed(String text) {
        return fieldCodec().seal(text);
    }

    private FieldEncryptingPayloadCodec fieldCodec() {
        return new FieldEncryptingPayloadCodec(pii, keys);
    }

    private static Supplier<PayloadKeyring> memoized(Supplier<PayloadKeyring> source) {
        return new Supplier<>() {
            private PayloadKeyring keys;

            @Override
            public synchronized PayloadKeyring get() {
                if (keys == null) {
                    keys = source.get();
                }
                return keys;
            }
        };
    }
}
