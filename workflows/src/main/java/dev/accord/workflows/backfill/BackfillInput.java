package dev.accord.workflows.backfill;

/**
 * A full or key-range reload of one flow. Only {@code flow} is required: {@code {"flow":"crm-customers"}}.
 *
 * @param afterKey reload keys after this one (exclusive); null from the first
 * @param lastKey up to this key (inclusive); null to the last
 * @param rowsPerChunk rows per chunk (child workflow); null for 10,000
 * @param parallelism chunks running at once; null for 4
 * @param batchSize records per page; null for the contract's
 * @param dryRun decide everything, write nothing
 */
public record BackfillInput(String flow, String afterKey, String lastKey, Integer rowsPerChunk, Integer parallelism,
                            Integer batchSize, Boolean dryRun) {

    public static final int DEFAULT_ROWS_PER_CHUNK = 10_000;
    public static final int DEFAULT_PARALLELISM = 4;

    public static BackfillInput of(String flow) {
        return new BackfillInput(flow, null, null, null, null, null, null);
    }

    public int chunkRows() {
        return rowsPerChunk == null ? DEFAULT_ROWS_PER_CHUNK : rowsPerChunk;
    }

    public int chunkParallelism() {
        return parallelism == null ? DEFAULT_PARALLELISM : Math.max(1, parallelism);
    }

    public boolean dryRunRequested() {
        return Boolean.TRUE.equals(dryRun);
    }
}
