package dev.accord.bench;

/**
 * A way to move the source's customers into a target table without Accord, to compare against: the
 * practical limits (a raw batched upsert, COPY) and what a Java team would write instead (Spring Batch).
 */
interface Baseline {

    /** The name in the results table. */
    String name();

    /** The table it writes into, empty before it runs. */
    String table();

    /** Moves every source row into {@link #table()}; returns the rows written. */
    long run(BenchDatabases databases) throws Exception;
}
