package dev.accord.workflows.codec;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys a process knows: the first encrypts, every one decrypts (what it was encrypted with is recorded by key
 * id). Rotation: put the new key first and keep the old ones until no history that needs them is retained.
 */
public record PayloadKeyring(List<PayloadKey> keys) {

    public PayloadKeyring {
        if (keys.isEmpty()) {
            throw new MissingPayloadKeyException("a payload keyring needs at least one key");
        }
        keys = List.copyOf(keys);
    }

    public static PayloadKeyring of(PayloadKey... keys) {
        return new PayloadKeyring(List.of(keys));
    }

    /** The key new values are encrypted with. */
    public PayloadKey current() {
        return keys.get(0);
    }

    public Optional<PayloadKey> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The key with {@code id}, or a failure naming the ids this process has (never key material). */
    public PayloadKey require(String id) {
        return find(id).orElseThrow(() -> new MissingPayloadKeyException("a payload was encrypted with key " + id
                + ", this process knows " + ids() + "; add that key to ACCORD_PAYLOAD_KEYS (after the current one) on "
                + "every worker and client"));
    }

    public String ids() {
        return keys.stream().map(PayloadKey::id).collect(Collectors.joining(", ", "[", "]"));
    }
}
