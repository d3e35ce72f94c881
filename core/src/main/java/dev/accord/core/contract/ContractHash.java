package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable content hash of a contract: SHA-256 over the canonical JSON (sorted keys) of the contract
 * document and of every schema it references. Comments, formatting and key order do not change it.
 */
final class ContractHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ContractHash() {}

    static String of(Object document, Map<String, JsonNode> schemasByFile) {
        try {
            Map<String, Object> whole = new TreeMap<>();
            whole.put("contract", sortDeep(CANONICAL.valueToTree(document)));
            Map<String, Object> schemas = new TreeMap<>();
            schemasByFile.forEach((file, schema) -> schemas.put(file, sortDeep(schema)));
            whole.put("schemas", schemas);
            byte[] canonical = CANONICAL.writeValueAsString(whole).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash contract", e);
        }
    }

    private static Object sortDeep(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), sortDeep(e.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(sortDeep(item)));
            return items;
        }
        return node;
    }
}
