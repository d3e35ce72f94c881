package dev.accord.core.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import dev.accord.core.record.Values;

/**
 * Ordered like last-writer-wins, but a newer value from a different system than the one that set the
 * current value is parked for a human decision instead of replacing it.
 */
final class Review implements MergeRule {

    private final LastWriterWins order;

    Review(LastWriterWins order) {
        this.order = order;
    }

    @Override
    public boolean permits(String system) {
        return order.permits(system);
    }

    @Override
    public int compare(FieldVersion incoming, FieldVersion current) {
        return order.compare(incoming, current);
    }

    @Override
    public boolean needsReview(FieldValue current, FieldVersion incoming, JsonNode value) {
        return current != null
                && !current.version().system().equals(incoming.system())
                && !Values.same(current.value(), value);
    }

    @Override
    public String whoMayWrite() {
        return order.whoMayWrite();
    }
}
