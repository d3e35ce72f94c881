package dev.accord.store;

/**
 * The activity attempt a store transaction works for. {@code scope} names the activity (workflow id, run id,
 * activity id: the same for every attempt of it), {@code token} the attempt (Temporal's attempt number, which only
 * grows), {@code holder} the worker that runs it, for the record.
 */
public record Fence(String scope, long token, String holder) {}
