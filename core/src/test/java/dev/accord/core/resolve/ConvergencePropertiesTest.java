package dev.accord.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.DedupKey;
import dev.accord.core.record.SourceChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hub's central promise: whatever order changes arrive in, and however often they are repeated, the
 * golden record ends up the same; and every change set can be undone by its inverse.
 */
class ConvergencePropertiesTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final Map<String, List<String>> WRITABLE = Map.of(
            "crm", List.of("name", "email", "phone", "status", "plan"),
            "billing", List.of("email", "plan", "payment_status"),
            "support", List.of("name", "phone", "plan", "status"));
    private static final List<String> SYSTEMS = List.of("crm", "billing", "support");
    private static final List<String> VALUES = List.of("a", "b", "c");

    private final Resolver forbidding = new Resolver(TestContracts.example(), "customer");
    private final Resolver allowing = new Resolver(
            TestContracts.load(TestContracts.exampleWith("resurrect: false", "resurrect: true")), "customer");

    @Property(tries = 1000)
    void anyOrderWithDuplicatesConverges(@ForAll("changes") List<SourceChange> changes, @ForAll long seed, @ForAll boolean resurrect) {
        Resolver resolver = resurrect ? allowing : forbidding;
        List<SourceChange> shuffled = withDuplicates(changes, new Random(seed));

        CanonicalRecord inOrder = fold(resolver, changes);
        CanonicalRecord anyOrder = fold(resolver, shuffled);

        assertThat(anyOrder).isEqualTo(inOrder);
    }

    @Property(tries = 1000)
    void inverseChangeSetRestoresTheRecord(@ForAll("changes") List<SourceChange> history, @ForAll("change") SourceChange next,
                                           @ForAll boolean resurrect) {
        Resolver resolver = resurrect ? allowing : forbidding;
        CanonicalRecord before = fold(resolver, history);

        Resolution resolution = resolver.resolve(before, next, false, Map.of());

        assertThat(resolution.changes().applyTo(before)).isEqualTo(resolution.after());
        assertThat(resolution.changes().inverse().applyTo(resolution.after())).isEqualTo(before);
    }

    private static CanonicalRecord fold(Resolver resolver, List<SourceChange> changes) {
        Set<DedupKey> seen = new HashSet<>();
        CanonicalRecord record = CanonicalRecord.empty("customer", "C000001");
        for (SourceChange change : changes) {
            record = resolver.resolve(record, change, !seen.add(change.dedupKey()), Map.of()).after();
        }
        return record;
    }

    private static List<SourceChange> withDuplicates(List<SourceChange> changes, Random random) {
        List<SourceChange> result = new ArrayList<>(changes);
        for (SourceChange change : changes) {
            if (random.nextInt(3) == 0) {
                result.add(change);
            }
        }
        Collections.shuffle(result, random);
        return result;
    }

    @Provide
    Arbitrary<List<SourceChange>> changes() {
        return change().list().ofMaxSize(12).map(ConvergencePropertiesTest::uniqueVersions);
    }

    @Provide
    Arbitrary<SourceChange> change() {
        Arbitrary<String> system = Arbitraries.of(SYSTEMS);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 5);
        Arbitrary<Long> version = Arbitraries.longs().between(1, 1_000_000);
        Arbitrary<Boolean> delete = Arbitraries.integers().between(0, 6).map(i -> i == 0);
        Arbitrary<List<String>> values = Arbitraries.of(VALUES).list().ofSize(5);
        Arbitrary<List<Boolean>> present = Arbitraries.of(true, false).list().ofSize(5);
        return Combinators.combine(system, second, version, delete, values, present).as(ConvergencePropertiesTest::build);
    }

    private static SourceChange build(String system, int second, long version, boolean delete, List<String> values, List<Boolean> present) {
        Instant at = T0.plusSeconds(second);
        if (delete) {
            return SourceChange.deletion(system, "customer", "C000001", version, at);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<String> writable = WRITABLE.get(system);
        for (int i = 0; i < writable.size(); i++) {
            if (present.get(i) || fields.isEmpty() && i == writable.size() - 1) {
                fields.put(writable.get(i), TextNode.valueOf(values.get(i)));
            }
        }
        return SourceChange.upsert(system, "customer", "C000001", version, at, fields);
    }

    /** A source version names one state of a record: make them unique per system, as real sources do. */
    private static List<SourceChange> uniqueVersions(List<SourceChange> changes) {
        Map<String, Set<Long>> used = new LinkedHashMap<>();
        List<SourceChange> result = new ArrayList<>();
        for (SourceChange change : changes) {
            long version = change.sourceVersion();
            Set<Long> taken = used.computeIfAbsent(change.system(), s -> new HashSet<>());
            while (!taken.add(version)) {
                version++;
            }
            result.add(new SourceChange(change.system(), change.domain(), change.key(), version, change.timestamp(),
                    change.fields(), change.delete()));
        }
        return result;
    }
}
