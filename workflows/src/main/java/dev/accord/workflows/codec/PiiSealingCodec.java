package dev.accord.workflows.codec;

import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * The codec for callers who may read payloads but not personal data (the Temporal UI without a steward's token):
 * decodes fully, whole-payload encryption and sealed values alike, then seals every PII value again. So a payload
 * of any age (also a whole-payload encrypted one from before field encryption) reaches them with its PII sealed.
 */
final class PiiSealingCodec implements PayloadCodec {

    private final PayloadCodec full;
    private final PayloadCodec sealing;

    PiiSealingCodec(PayloadCodec full, PayloadCodec sealing) {
        this.full = full;
        this.sealing = sealing;
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return full.encode(payloads);
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return sealing.encode(full.decode(payloads));
    }
}
