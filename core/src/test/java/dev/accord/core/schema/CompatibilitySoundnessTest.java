package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.accord.core.contract.SchemaCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The checker is sound: whenever it calls a change BACKWARD-compatible, every generated document the runtime
 * validator accepts under the old schema it accepts under the new one; likewise FORWARD the other way round.
 * Schema pairs are a random schema and a random edit of it (sometimes two unrelated schemas), in 2020-12 and
 * draft-07; documents are guided by either schema. A counterexample is shrunk (keywords and values removed while
 * it stays one) before it is reported.
 *
 * <p>It also measures precision: of the pair-directions where no document tells the schemas apart, the share the
 * checker still calls incompatible (a false alarm, or a counterexample the documents missed).
 */
class CompatibilitySoundnessTest {

    private static final int DOCUMENTS = 80;
    private static final int HARDER = 400;
    private static final boolean DEBUG = System.getenv("SOUNDNESS_DEBUG") != null;
    private static final Stats STATS = new Stats();

    @Property(tries = 1000)
    void compatibleMeansEveryOldDocumentStaysValid(@ForAll long seed) {
        Random random = new Random(seed);
        RandomSchemas schemas = new RandomSchemas(random, random.nextInt(5) == 0);
        JsonNode before = schemas.root(3);
        JsonNode after = random.nextInt(5) == 0 ? schemas.root(3) : schemas.mutate(before);
        Optional<JsonSchema> oldValidator = compile(before);
        Optional<JsonSchema> newValidator = compile(after);
        if (oldValidator.isEmpty() || newValidator.isEmpty()) {
            STATS.uncompilable.incrementAndGet();
            return;
        }
        List<SchemaChange> changes = SchemaDiff.between(before, after);
        boolean backward = changes.stream().allMatch(SchemaChange::backwardSafe);
        boolean forward = changes.stream().allMatch(SchemaChange::forwardSafe);
        List<JsonNode> documents = new ArrayList<>();
        RandomDocuments fromOld = new RandomDocuments(random, before);
        RandomDocuments fromNew = new RandomDocuments(random, after);
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add((i % 2 == 0 ? fromOld : fromNew).document());
        }
        boolean oldOnly = false;
        boolean newOnly = false;
        for (JsonNode document : documents) {
            boolean validBefore;
            boolean validAfter;
            try {
                validBefore = valid(oldValidator.get(), document);
                validAfter = valid(newValidator.get(), document);
            } catch (StackOverflowError | RuntimeException e) {
                STATS.looping.incrementAndGet();
                return;
            }
            if (validBefore && !validAfter) {
                oldOnly = true;
                if (backward) {
                    fail(Counterexample.shrink(before, after, document, true));
                }
            }
            if (validAfter && !validBefore) {
                newOnly = true;
                if (forward) {
                    fail(Counterexample.shrink(before, after, document, false));
                }
            }
        }
        if (!backward && !oldOnly) {
            oldOnly = searchHarder(fromOld, oldValidator.get(), newValidator.get());
        }
        if (!forward && !newOnly) {
            newOnly = searchHarder(fromNew, newValidator.get(), oldValidator.get());
        }
        if (DEBUG && !backward && !oldOnly) {
            System.out.println("UNCONFIRMED BACKWARD old=" + before + "\n  new=" + after + "\n  "
                    + changes.stream().filter(c -> !c.backwardSafe()).toList());
        }
        STATS.record(changes, backward, oldOnly, SchemaChange::backwardSafe);
        STATS.record(changes, forward, newOnly, SchemaChange::forwardSafe);
    }

    /**
     * For the precision figure only: before an incompatible verdict is counted as unconfirmed, more documents from
     * the schema that writes are tried for one the reader refuses.
     */
    private static boolean searchHarder(RandomDocuments writerDocuments, JsonSchema writer, JsonSchema reader) {
        try {
            for (int i = 0; i < HARDER; i++) {
                JsonNode document = writerDocuments.document();
                if (valid(writer, document) && !valid(reader, document)) {
                    return true;
                }
            }
        } catch (StackOverflowError | RuntimeException e) {
            return true;
        }
        return false;
    }

    private static void fail(Counterexample counterexample) {
        assertThat(counterexample).as("the checker called this pair compatible, yet the document tells them apart").isNull();
    }

    static Optional<JsonSchema> compile(JsonNode schema) {
        try {
            return Optional.of(SchemaCompiler.compile(schema));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean valid(JsonSchema schema, JsonNode document) {
        return schema.validate(document).isEmpty();
    }

    @AfterContainer
    static void report() {
        System.out.println(STATS.render());
    }

    /** Counts of verdicts against what the documents showed, per direction. */
    static final class Stats {
        final AtomicInteger uncompilable = new AtomicInteger();
        /** Pairs skipped because the validator itself fails on them (a reference cycle that does not descend loops it). */
        final AtomicInteger looping = new AtomicInteger();
        final AtomicInteger directions = new AtomicInteger();
        final AtomicInteger compatible = new AtomicInteger();
        final AtomicInteger provenIncompatible = new AtomicInteger();
        final AtomicInteger unconfirmed = new AtomicInteger();
        final AtomicInteger unconfirmedSupported = new AtomicInteger();
        final AtomicInteger noCounterexample = new AtomicInteger();
        final AtomicInteger noCounterexampleSupported = new AtomicInteger();
        final Map<ChangeRule, Integer> alarms = new TreeMap<>();

        synchronized void record(List<SchemaChange> changes, boolean verdict, boolean counterexample,
                                 java.util.function.Predicate<SchemaChange> safe) {
            directions.incrementAndGet();
            boolean supported = changes.stream().noneMatch(c -> c.rule() == ChangeRule.UNDECIDABLE
                    || c.rule() == ChangeRule.KEYWORD_CHANGED || c.rule() == ChangeRule.PATTERN_CHANGED
                    || c.rule() == ChangeRule.FORMAT_CHANGED);
            if (verdict) {
                compatible.incrementAndGet();
            } else if (counterexample) {
                provenIncompatible.incrementAndGet();
            } else {
                unconfirmed.incrementAndGet();
                if (supported) {
                    unconfirmedSupported.incrementAndGet();
                }
                changes.stream().filter(safe.negate()).forEach(c -> alarms.merge(c.rule(), 1, Integer::sum));
            }
            if (!counterexample) {
                noCounterexample.incrementAndGet();
                if (supported) {
                    noCounterexampleSupported.incrementAndGet();
                }
            }
        }

        String render() {
            return String.format("schema compatibility soundness: %d pair-directions (%d pairs skipped: not compilable, %d: the validator fails on them); "
                            + "compatible %d, incompatible with a counterexample %d, incompatible without one %d%n"
                            + "precision: incompatible where no counterexample was found: %d of %d = %.1f %% (supported keywords only: "
                            + "%d of %d = %.1f %%)%nfalse-alarm rules (change kinds in unconfirmed incompatible verdicts): %s",
                    directions.get(), uncompilable.get(), looping.get(), compatible.get(), provenIncompatible.get(), unconfirmed.get(),
                    unconfirmed.get(), noCounterexample.get(), percent(unconfirmed.get(), noCounterexample.get()),
                    unconfirmedSupported.get(), noCounterexampleSupported.get(),
                    percent(unconfirmedSupported.get(), noCounterexampleSupported.get()), alarms);
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }
}
