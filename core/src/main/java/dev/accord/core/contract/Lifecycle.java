package dev.accord.core.contract;

import java.util.List;

/**
 * Who may delete records of a domain, and whether a deleted record comes back.
 *
 * @param delete systems whose deletes become tombstones
 * @param resurrect whether a change newer than the tombstone, from any system, brings the record back;
 *     when false only the deleting system itself can bring it back (by writing it again after the delete)
 */
public record Lifecycle(List<String> delete, boolean resurrect) {

    public Lifecycle {
        delete = List.copyOf(delete);
    }

    public boolean mayDelete(String system) {
        return delete.contains(system);
    }
}
