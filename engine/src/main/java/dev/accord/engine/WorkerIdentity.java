package dev.accord.engine;

/**
 * Who does the work, recorded with every run.
 *
 * @param version the Accord version of this worker
 * @param deploymentId where this worker runs (host, container)
 */
public record WorkerIdentity(String version, String deploymentId) {}
