package dev.accord.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.SourceChange;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private final Contract contract = TestContracts.example();
    private final Resolver resolver = new Resolver(contract, "customer");
    private CanonicalRecord record = CanonicalRecord.empty("customer", "C000001");

    @Test
    void ownerWritesItsField() {
        Resolution resolution = apply(change("crm", 1, 0, Map.of("name", text("Ada"))));

        assertThat(resolution.outcome()).isEqualTo(Decision.APPLIED);
        assertThat(value("name")).isEqualTo("Ada");
        assertThat(resolution.changes().fields()).singleElement().satisfies(c -> {
            assertThat(c.before()).isNull();
            assertThat(c.after().value().asText()).isEqualTo("Ada");
        });
    }

    @Test
    void sameValueWithANewerVersionIsUnchangedButMovesTheVersionOn() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));

        Resolution resave = apply(change("crm", 2, 10, Map.of("name", text("Ada"))));

        assertThat(resave.outcome()).isEqualTo(Decision.UNCHANGED);
        assertThat(record.field("name").version().sourceVersion()).isEqualTo(2);
        assertThat(resave.changes().changesTargets()).isFalse();
    }

    @Test
    void nonOwnerIsRejected() {
        apply(change("crm", 1, 0, Map.of("email", text("ada@example.com"))));

        Resolution resolution = apply(change("billing", 7, 10, Map.of("email", text("other@example.com"))));

        assertThat(resolution.outcome()).isEqualTo(Decision.REJECTED_NOT_OWNER);
        assertThat(resolution.fields().get(0).reason()).contains("only its owner 'crm'");
        assertThat(value("email")).isEqualTo("ada@example.com");
    }

    @Test
    void nonOwnerRepeatingTheGoldenValueIsAnEchoNotARejection() {
        apply(change("crm", 1, 0, Map.of("email", text("ada@example.com"))));

        Resolution resolution = apply(change("billing", 7, 10, Map.of("email", text("ada@example.com"))));

        assertThat(resolution.outcome()).isEqualTo(Decision.ECHO);
        assertThat(resolution.changes().isEmpty()).isTrue();
    }

    @Test
    void olderVersionOfTheOwnerIsStale() {
        apply(change("crm", 5, 10, Map.of("name", text("New"))));

        Resolution resolution = apply(change("crm", 4, 20, Map.of("name", text("Old"))));

        assertThat(resolution.outcome()).isEqualTo(Decision.STALE);
        assertThat(value("name")).isEqualTo("New");
    }

    @Test
    void seenDedupKeyIsADuplicateAndChangesNothing() {
        SourceChange change = change("crm", 1, 0, Map.of("name", text("Ada")));
        apply(change);

        Resolution again = resolver.resolve(record, change, true, Map.of());

        assertThat(again.outcome()).isEqualTo(Decision.DUPLICATE);
        assertThat(again.changes().isEmpty()).isTrue();
    }

    @Test
    void sourcePriorityPrefersTheHigherRankedSystemWhateverTheTime() {
        apply(change("crm", 1, 0, Map.of("plan", text("free"))));
        assertThat(apply(change("billing", 1, 5, Map.of("plan", text("pro")))).outcome()).isEqualTo(Decision.APPLIED);

        Resolution laterCrm = apply(change("crm", 2, 60, Map.of("plan", text("enterprise"))));

        assertThat(laterCrm.outcome()).isEqualTo(Decision.STALE);
        assertThat(value("plan")).isEqualTo("pro");
        assertThat(apply(change("support", 3, 90, Map.of("plan", text("free")))).outcome()).isEqualTo(Decision.REJECTED_NOT_OWNER);
    }

    @Test
    void lastWriterWinsByTimestamp() {
        apply(change("crm", 1, 10, Map.of("phone", text("+49 1"))));
        assertThat(apply(change("support", 1, 20, Map.of("phone", text("+49 2")))).outcome()).isEqualTo(Decision.APPLIED);

        assertThat(apply(change("crm", 2, 15, Map.of("phone", text("+49 3")))).outcome()).isEqualTo(Decision.STALE);
        assertThat(value("phone")).isEqualTo("+49 2");
    }

    @Test
    void lastWriterWinsTieGoesToTheHigherPrioritySystem() {
        apply(change("support", 1, 10, Map.of("phone", text("+49 support"))));

        Resolution crm = apply(change("crm", 1, 10, Map.of("phone", text("+49 crm"))));

        assertThat(crm.outcome()).isEqualTo(Decision.APPLIED);
        assertThat(value("phone")).isEqualTo("+49 crm");
    }

    @Test
    void reviewParksAChangeOverAnotherSystemsValue() {
        Contract reviewed = TestContracts.load(TestContracts.exampleWith("merge: last-writer-wins", "merge: review"));
        Resolver review = new Resolver(reviewed, "customer");
        record = review.resolve(record, change("crm", 1, 10, Map.of("phone", text("+49 1"))), false, Map.of()).after();

        Resolution parked = review.resolve(record, change("support", 1, 20, Map.of("phone", text("+49 2"))), false, Map.of());
        Resolution sameValue = review.resolve(record, change("support", 2, 30, Map.of("phone", text("+49 1"))), false, Map.of());

        assertThat(parked.outcome()).isEqualTo(Decision.NEEDS_REVIEW);
        assertThat(parked.after().field("phone").value().asText()).isEqualTo("+49 1");
        assertThat(sameValue.outcome()).isEqualTo(Decision.UNCHANGED);
    }

    @Test
    void echoOfAccordsOwnWriteIsDropped() {
        apply(change("billing", 1, 0, Map.of("plan", text("pro"))));

        Resolution echo = resolver.resolve(record, change("crm", 9, 5, Map.of("plan", text("pro"))), false, Map.of("plan", text("pro")));

        assertThat(echo.outcome()).isEqualTo(Decision.ECHO);
        assertThat(echo.changes().isEmpty()).isTrue();
    }

    @Test
    void valueThatDiffersFromTheEchoIsNotAnEcho() {
        Resolution change = resolver.resolve(record, change("crm", 9, 5, Map.of("plan", text("free"))), false, Map.of("plan", text("pro")));

        assertThat(change.outcome()).isEqualTo(Decision.APPLIED);
    }

    @Test
    void ownerDeleteTombstonesTheRecord() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));

        Resolution delete = apply(SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)));

        assertThat(delete.outcome()).isEqualTo(Decision.APPLIED);
        assertThat(record.deleted()).isTrue();
        assertThat(delete.changes().changesTargets()).isTrue();
    }

    @Test
    void deleteFromASystemThatMayNotDeleteIsRejected() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));

        Resolution delete = apply(SourceChange.deletion("billing", "customer", record.key(), 2, T0.plusSeconds(10)));

        assertThat(delete.outcome()).isEqualTo(Decision.REJECTED_NOT_OWNER);
        assertThat(record.deleted()).isFalse();
    }

    @Test
    void staleDeleteDoesNotDelete() {
        apply(change("crm", 5, 50, Map.of("name", text("Ada"))));

        Resolution delete = apply(SourceChange.deletion("crm", "customer", record.key(), 4, T0.plusSeconds(40)));

        assertThat(delete.outcome()).isEqualTo(Decision.STALE);
        assertThat(record.deleted()).isFalse();
    }

    @Test
    void otherSystemsCannotResurrectWhenTheContractForbidsIt() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));
        apply(SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)));

        Resolution update = apply(change("billing", 3, 20, Map.of("plan", text("pro"))));

        assertThat(record.deleted()).isTrue();
        assertThat(update.changes().changesTargets()).isFalse();
        assertThat(update.fields().get(0).reason()).contains("stays deleted");
    }

    @Test
    void theDeletingSystemRecreatesTheRecord() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));
        apply(SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)));

        apply(change("crm", 3, 20, Map.of("name", text("Ada again"))));

        assertThat(record.deleted()).isFalse();
    }

    @Test
    void anyNewerWriteResurrectsWhenTheContractAllowsIt() {
        Contract allowing = TestContracts.load(TestContracts.exampleWith("resurrect: false", "resurrect: true"));
        Resolver resurrecting = new Resolver(allowing, "customer");
        record = resurrecting.resolve(record, change("crm", 1, 0, Map.of("name", text("Ada"))), false, Map.of()).after();
        record = resurrecting.resolve(record, SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)), false, Map.of()).after();

        Resolution update = resurrecting.resolve(record, change("billing", 3, 20, Map.of("plan", text("pro"))), false, Map.of());

        assertThat(update.after().deleted()).isFalse();
        assertThat(update.changes().changesTargets()).isTrue();
    }

    @Test
    void olderUpdateAfterADeleteLeavesItDeletedEvenWhenResurrectionIsAllowed() {
        Contract allowing = TestContracts.load(TestContracts.exampleWith("resurrect: false", "resurrect: true"));
        Resolver resurrecting = new Resolver(allowing, "customer");
        record = resurrecting.resolve(record, SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)), false, Map.of()).after();

        Resolution older = resurrecting.resolve(record, change("billing", 1, 5, Map.of("plan", text("pro"))), false, Map.of());

        assertThat(older.after().deleted()).isTrue();
    }

    @Test
    void revertUndoesAChangeWhereNobodyChangedTheFieldSince() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"), "phone", text("+49 1"))));
        Resolution second = apply(change("crm", 2, 10, Map.of("name", text("Ada L."), "phone", text("+49 2"))));
        apply(change("support", 1, 20, Map.of("phone", text("+49 9"))));

        Resolver.Reversal reversal = resolver.revert(record, second.changes());

        assertThat(reversal.after().field("name").value().asText()).isEqualTo("Ada");
        assertThat(reversal.after().field("phone").value().asText()).isEqualTo("+49 9");
        assertThat(reversal.conflicts()).containsExactly("phone");
    }

    @Test
    void revertOfADeleteBringsTheRecordBack() {
        apply(change("crm", 1, 0, Map.of("name", text("Ada"))));
        Resolution delete = apply(SourceChange.deletion("crm", "customer", record.key(), 2, T0.plusSeconds(10)));

        Resolver.Reversal reversal = resolver.revert(record, delete.changes());

        assertThat(reversal.after().deleted()).isFalse();
        assertThat(reversal.after().tombstone()).isNull();
        assertThat(resolver.revert(reversal.after(), delete.changes()).conflicts()).isEmpty();
    }

    private Resolution apply(SourceChange change) {
        Resolution resolution = resolver.resolve(record, change, false, Map.of());
        record = resolution.after();
        return resolution;
    }

    private SourceChange change(String system, long version, int seconds, Map<String, JsonNode> fields) {
        return SourceChange.upsert(system, "customer", record.key(), version, T0.plusSeconds(seconds), fields);
    }

    private String value(String field) {
        return record.field(field).value().asText();
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
