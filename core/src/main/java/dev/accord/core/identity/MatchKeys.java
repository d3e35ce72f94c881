package dev.accord.core.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.MatchRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record's match keys: per match rule whose fields all hold a value, a SHA-256 of the rule's name and its normalised
 * values (trimmed, Unicode NFC, case-folded; numbers in plain notation). Two records match by a rule when their keys for
 * it are equal. The hash lets the store index match values without keeping them (they may be personal data).
 */
public final class MatchKeys {

    private MatchKeys() {}

    /** Rule name to match key, in rule order; rules with a field the record has no value for are absent. */
    public static Map<String, String> of(List<MatchRule> rules, Map<String, JsonNode> fields) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (MatchRule rule : rules) {
            StringBuilder text = new StringBuilder(rule.name());
            boolean complete = true;
            for (String field : rule.fields()) {
                String value = normalised(fields.get(field));
                if (value == null) {
                    complete = false;
                    break;
                }
                text.append('\u001f').append(value);
            }
            if (complete) {
                keys.put(rule.name(), sha256(text.toString()));
            }
        }
        return keys;
    }

    /** The value as it is compared: null for a missing, null or blank value. */
    static String normalised(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString()
                : value.isValueNode() ? value.asText() : value.toString();
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return folded.isEmpty() ? null : folded;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
