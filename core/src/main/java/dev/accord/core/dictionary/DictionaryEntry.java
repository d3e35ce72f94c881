package dev.accord.core.dictionary;

import java.util.List;

/**
 * One canonical field as the data dictionary describes it.
 *
 * @param definition the field's description
 * @param constraints every rule on its values, from the schema and the contract, in words
 * @param writers the systems that may create and update it, with the merge strategy deciding between them
 * @param lifecycle how the field's record is created, updated, deleted and tombstoned
 * @param mappedBy the systems that store the field
 * @param readBy the systems that declared they read it (consumer contracts)
 */
public record DictionaryEntry(String field, String definition, String type, String unit, List<String> constraints, String owner,
                              String merge, List<String> writers, String steward, boolean pii, String lifecycle,
                              List<String> mappedBy, List<String> readBy) {

    public DictionaryEntry {
        constraints = List.copyOf(constraints);
        writers = List.copyOf(writers);
        mappedBy = List.copyOf(mappedBy);
        readBy = List.copyOf(readBy);
    }
}
