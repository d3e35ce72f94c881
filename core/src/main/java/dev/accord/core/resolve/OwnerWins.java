package dev.accord.core.resolve;

import dev.accord.core.record.FieldVersion;
import java.util.Comparator;

/** Only the system of record writes the field; its newer versions win. */
final class OwnerWins implements MergeRule {

    private static final Comparator<FieldVersion> ORDER = Comparator
            .comparingLong(FieldVersion::sourceVersion)
            .thenComparing(FieldVersion::timestamp);

    private final String owner;

    OwnerWins(String owner) {
        this.owner = owner;
    }

    @Override
    public boolean permits(String system) {
        return owner.equals(system);
    }

    @Override
    public int compare(FieldVersion incoming, FieldVersion current) {
        boolean incomingOwned = owner.equals(incoming.system());
        boolean currentOwned = owner.equals(current.system());
        if (incomingOwned != currentOwned) {
            return incomingOwned ? 1 : -1;
        }
        return ORDER.compare(incoming, current);
    }

    @Override
    public String whoMayWrite() {
        return "only its owner '" + owner + "'";
    }
}
