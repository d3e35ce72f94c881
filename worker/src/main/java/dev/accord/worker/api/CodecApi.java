package dev.accord.worker.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.accord.workflows.codec.EncryptingPayloadCodec;
import dev.accord.workflows.codec.PayloadKey;
import io.temporal.api.common.v1.Payloads;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The remote payload codec the Temporal UI (and {@code temporal --codec-endpoint}) calls to show Accord's
 * encrypted payloads: {@code POST /codec/decode} and {@code /codec/encode} with {@code {"payloads": [...]}}.
 * Stewards only: decoding reveals record values. Every call is audited.
 */
@RestController
@RequestMapping(path = "/codec", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
class CodecApi {

    private final EncryptingPayloadCodec codec = new EncryptingPayloadCodec(PayloadKey.configured());

    @PostMapping("/decode")
    String decode(@RequestBody String body) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(codec.decode(parse(body).getPayloadsList())).build());
    }

    @PostMapping("/encode")
    String encode(@RequestBody String body) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(codec.encode(parse(body).getPayloadsList())).build());
    }

    private static Payloads parse(String body) throws InvalidProtocolBufferException {
        Payloads.Builder payloads = Payloads.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(body, payloads);
        return payloads.build();
    }
}
