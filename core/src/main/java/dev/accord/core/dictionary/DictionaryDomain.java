package dev.accord.core.dictionary;

import java.util.List;

/**
 * One domain of the data dictionary.
 *
 * @param schema the schema file and version
 * @param lifecycle who deletes, whether deleted records come back, how each system stores a tombstone
 * @param flows the flows that sync the domain, as {@code name: source → targets}
 */
public record DictionaryDomain(String name, String description, String key, String schema, String compatibility, String lifecycle,
                               List<String> flows, List<DictionaryEntry> fields) {

    public DictionaryDomain {
        flows = List.copyOf(flows);
        fields = List.copyOf(fields);
    }
}
