package dev.accord.core.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a domain's {@code identity} section: the match rules and what an ambiguous match does. */
final class IdentityReader {

    private static final Set<String> IDENTITY_KEYS = Set.of("match", "on-ambiguous");
    private static final Set<String> MATCH_RULE_KEYS = Set.of("name", "fields");

    private IdentityReader() {}

    static Identity read(YamlNode node, Map<String, FieldSpec> fields) {
        Map<String, YamlNode> entries = node.fields("the identity rules", IDENTITY_KEYS);
        List<MatchRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (entries.containsKey("match")) {
            for (YamlNode ruleNode : entries.get("match").items("a list of match rules")) {
                MatchRule rule = rule(ruleNode, fields);
                if (rule == null) {
                    continue;
                }
                if (!names.add(rule.name())) {
                    ruleNode.problem("a second match rule named '" + rule.name() + "'", "give each rule its own name");
                }
                rules.add(rule);
            }
        }
        return new Identity(rules, onAmbiguous(entries.get("on-ambiguous")));
    }

    private static MatchRule rule(YamlNode node, Map<String, FieldSpec> fields) {
        Map<String, YamlNode> entries = node.fields("a match rule", MATCH_RULE_KEYS);
        YamlNode fieldsNode = entries.get("fields");
        if (fieldsNode == null) {
            node.problem("missing key 'fields'", "list the canonical fields that must all be equal, e.g. fields: [email]");
            return null;
        }
        List<String> ruleFields = fieldsNode.texts("canonical field names");
        if (ruleFields.isEmpty()) {
            fieldsNode.problem("a match rule compares no field", "list at least one canonical field, e.g. fields: [email]");
            return null;
        }
        boolean known = true;
        for (String field : ruleFields) {
            if (!fields.containsKey(field)) {
                fieldsNode.problem("match rule names unknown field '" + field + "'", Suggestions.hint(field, fields.keySet()));
                known = false;
            }
        }
        String name = entries.containsKey("name") ? entries.get("name").text("a rule name") : String.join("+", ruleFields);
        return known ? new MatchRule(name, ruleFields) : null;
    }

    private static Identity.OnAmbiguous onAmbiguous(YamlNode node) {
        if (node == null) {
            return Identity.OnAmbiguous.QUARANTINE;
        }
        String text = node.text("what an ambiguous match does");
        try {
            return Identity.OnAmbiguous.valueOf(String.valueOf(text).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem("unknown on-ambiguous '" + text + "'", "expected one of: " + Arrays.stream(Identity.OnAmbiguous.values())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            return Identity.OnAmbiguous.QUARANTINE;
        }
    }
}
