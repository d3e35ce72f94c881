package dev.accord.workflows.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every {@link Payload} anywhere in a protobuf message (a workflow history): inputs, results, signals, headers, memos, failures. */
final class HistoryPayloads {

    private HistoryPayloads() {}

    static List<Payload> all(Message message) {
        List<Payload> payloads = new ArrayList<>();
        collect(message, payloads);
        return payloads;
    }

    private static void collect(Message message, List<Payload> payloads) {
        if (message instanceof Payload payload) {
            payloads.add(payload);
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getKey().isRepeated()) {
                ((List<?>) field.getValue()).forEach(element -> collect((Message) element, payloads));
            } else {
                collect((Message) field.getValue(), payloads);
            }
        }
    }
}
