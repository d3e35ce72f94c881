package dev.accord.engine;

import dev.accord.store.AccordStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Canonical ids to the local ids of systems that keep their own (through the store's cross-reference); for a system
 * that stores Accord's canonical id, every id is its own local id.
 */
final class Identities {

    private final CompiledContract compiled;
    private final AccordStore store;

    Identities(CompiledContract compiled, AccordStore store) {
        this.compiled = compiled;
        this.store = store;
    }

    boolean ownsIds(String system, String domain) {
        return compiled.contract().mapping(system, domain).ownsIds();
    }

    /** The local id of each canonical id the system holds a row for; canonical ids it holds none for are absent. */
    Map<String, String> localIds(String system, String domain, Collection<String> canonicalIds) {
        if (!ownsIds(system, domain)) {
            Map<String, String> same = new LinkedHashMap<>();
            canonicalIds.forEach(id -> same.put(id, id));
            return same;
        }
        return store.inTransaction(c -> store.identityLinks().localIds(c, domain, system, canonicalIds));
    }

    /** The canonical id each given local id of an own-id system is linked to; unlinked ids are absent. */
    Map<String, String> canonicalIds(String system, String domain, Collection<String> localIds) {
        return store.inTransaction(c -> store.identityLinks().canonicalIds(c, domain, system, localIds));
    }
}
