package dev.accord.worker.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.accord.workflows.codec.PayloadProtection;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codec server the Temporal UI ({@code TEMPORAL_CODEC_ENDPOINT=<worker>/codec}) and the {@code temporal} CLI
 * ({@code --codec-endpoint}) call: {@code POST /codec/decode} and {@code /codec/encode} with {@code {"payloads": [...]}},
 * as Temporal's codec server protocol has it. A steward gets every value; anyone else let in
 * ({@code accord.payloads.codec.open-without-pii}) gets PII values sealed. CORS and access: {@link ApiSecurity}.
 *
 * <p>Not {@code temporal-remote-data-encoder}: its servlet is {@code javax.servlet} (Spring Boot 3 is Jakarta) and its
 * JDK-server handler answers every origin ({@code *}) with no authentication, while this endpoint needs the API's
 * tokens, a configured origin and a per-caller answer.
 */
@RestController
@RequestMapping(path = "/codec", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
class CodecApi {

    private final PayloadCodec full;
    private final PayloadCodec withoutPii;

    CodecApi(PayloadProtection protection) {
        this.full = protection.codec();
        this.withoutPii = protection.codecWithoutPii();
    }

    @PostMapping("/decode")
    String decode(@RequestBody String body) throws InvalidProtocolBufferException {
        return print(Payloads.newBuilder().addAllPayloads(codecForCaller().decode(parse(body).getPayloadsList())));
    }

    @PostMapping("/encode")
    String encode(@RequestBody String body) throws InvalidProtocolBufferException {
        return print(Payloads.newBuilder().addAllPayloads(full.encode(parse(body).getPayloadsList())));
    }

    private PayloadCodec codecForCaller() {
        return ApiCaller.current().roles().contains(ApiCaller.STEWARD) ? full : withoutPii;
    }

    private static String print(Payloads.Builder payloads) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(payloads.build());
    }

    private static Payloads parse(String body) throws InvalidProtocolBufferException {
        Payloads.Builder payloads = Payloads.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(body, payloads);
        return payloads.build();
    }
}
