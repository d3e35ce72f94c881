package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidatorTypeCode;
import dev.accord.core.contract.SchemaCompiler;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the runtime validator does with a keyword depends on the schema's draft: under draft-07 it ignores
 * {@code prefixItems} and {@code dependentSchemas}, and the siblings of a {@code $ref}
 * (but its {@code contains} reads {@code minContains} and {@code maxContains} in every draft). A keyword the validator
 * ignores must be ignored here too (read as a constraint, it would make a schema look narrower than it is, and a
 * forward verdict unsound), so each side is read with the keywords its draft's validator honours.
 */
final class Drafts {

    private static final Map<SpecVersion.VersionFlag, Set<String>> HONOURED = new EnumMap<>(SpecVersion.VersionFlag.class);

    static {
        for (SpecVersion.VersionFlag version : SpecVersion.VersionFlag.values()) {
            Set<String> honoured = new HashSet<>();
            switch (version) {
                case V201909 -> {
                    honoured.addAll(Keywords.KNOWN);
                    honoured.remove("prefixItems");
                }
                case V202012 -> {
                    honoured.addAll(Keywords.KNOWN);
                    honoured.remove("additionalItems");
                }
                default -> {
                    List<ValidatorTypeCode> codes = ValidatorTypeCode.getKeywords(version);
                    codes.forEach(code -> honoured.add(code.getValue()));
                    if (honoured.contains("if")) {
                        honoured.addAll(List.of("then", "else"));
                    }
                    if (codes.contains(ValidatorTypeCode.ITEMS)) {
                        honoured.add("additionalItems");
                    }
                    honoured.addAll(List.of("exclusiveMaximum", "exclusiveMinimum"));
                }
            }
            HONOURED.put(version, Set.copyOf(honoured));
        }
    }

    private Drafts() {}

    /** For the record in the docs and the tests: the keywords each draft's validator honours. */
    static Set<String> honoured(SpecVersion.VersionFlag version) {
        return HONOURED.get(version);
    }

    /** The draft a root schema is validated under. */
    static SpecVersion.VersionFlag of(JsonNode root) {
        try {
            return SchemaCompiler.draft(root);
        } catch (RuntimeException e) {
            return SchemaCompiler.DEFAULT_DRAFT;
        }
    }

    /** Whether keywords next to a {@code $ref} apply (2019-09 on) or are ignored (draft-07 and before). */
    static boolean refSiblingsApply(SpecVersion.VersionFlag version) {
        return version == SpecVersion.VersionFlag.V201909 || version == SpecVersion.VersionFlag.V202012;
    }

    /** The schema without the keywords Accord knows that this draft's validator ignores. */
    static ObjectNode honoured(ObjectNode schema, SpecVersion.VersionFlag version) {
        Set<String> honoured = HONOURED.get(version);
        ObjectNode stripped = null;
        for (String keyword : Schemas.names(schema)) {
            boolean readByContains = (keyword.equals("minContains") || keyword.equals("maxContains")) && schema.has("contains");
            if (Keywords.KNOWN.contains(keyword) && !Schemas.ANNOTATIONS.contains(keyword) && !honoured.contains(keyword)
                    && !readByContains) {
                stripped = stripped == null ? schema.deepCopy() : stripped;
                stripped.remove(keyword);
            }
        }
        return stripped == null ? schema : stripped;
    }
}
