package dev.accord.core.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.change.ChangeSet;
import dev.accord.core.change.FieldChange;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import dev.accord.core.record.SourceChange;
import dev.accord.core.record.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, field by field, what an incoming change does to a golden record: a pure function of
 * (golden record, change, contract, whether the dedup key was seen, what Accord last wrote to the source).
 *
 * <p>Field values merge independently of deletes, and "deleted" is derived from the newest tombstone and
 * the field versions, so any order of the same changes converges on the same golden record.
 */
public final class Resolver {

    private final DomainSpec domain;
    private final MergeRules rules;

    public Resolver(Contract contract, String domainName) {
        this.domain = contract.domain(domainName);
        this.rules = new MergeRules(contract, domain);
    }

    /**
     * @param seenBefore whether the change's dedup key was processed before
     * @param echoes field to the value the change's system is known to hold (Accord wrote it there, or the
     *     system reported it before); a field still holding it is not a new assertion
     */
    public Resolution resolve(CanonicalRecord current, SourceChange change, boolean seenBefore, Map<String, JsonNode> echoes) {
        if (seenBefore) {
            return duplicate(current, change);
        }
        return change.delete() ? resolveDelete(current, change) : resolveUpsert(current, change, echoes);
    }

    private Resolution duplicate(CanonicalRecord current, SourceChange change) {
        List<FieldDecision> decisions = new ArrayList<>();
        for (String field : change.delete() ? List.of(FieldDecision.DELETE_FIELD) : List.copyOf(change.fields().keySet())) {
            decisions.add(new FieldDecision(field, Decision.DUPLICATE, change.version(), null, "change " + change.dedupKey() + " was processed before"));
        }
        return new Resolution(change.dedupKey(), Decision.DUPLICATE, decisions, ChangeSet.none(current), current);
    }

    private Resolution resolveUpsert(CanonicalRecord current, SourceChange change, Map<String, JsonNode> echoes) {
        FieldVersion incoming = change.version();
        List<FieldDecision> decisions = new ArrayList<>();
        List<FieldChange> changes = new ArrayList<>();
        Map<String, FieldValue> after = new HashMap<>(current.fields());
        for (Map.Entry<String, JsonNode> entry : change.fields().entrySet()) {
            String field = entry.getKey();
            if (field.equals(domain.key())) {
                continue;
            }
            FieldDecision decision = decideField(current, field, entry.getValue(), incoming, echoes);
            decisions.add(decision);
            if (decision.decision() == Decision.APPLIED || decision.decision() == Decision.UNCHANGED) {
                FieldValue value = new FieldValue(entry.getValue(), incoming);
                changes.add(new FieldChange(field, current.field(field), value));
                after.put(field, value);
            }
        }
        boolean deleted = Tombstones.deleted(current.tombstone(), after, domain.lifecycle(), rules.recordOrder());
        if (deleted && !changes.isEmpty()) {
            decisions = noteStillDeleted(decisions);
        }
        ChangeSet changeSet = new ChangeSet(domain.name(), current.key(), changes, current.tombstone(), current.tombstone(),
                current.deleted(), deleted);
        return new Resolution(change.dedupKey(), Outcomes.summarise(decisions), decisions, changeSet, changeSet.applyTo(current));
    }

    private FieldDecision decideField(CanonicalRecord current, String field, JsonNode value, FieldVersion incoming,
                                      Map<String, JsonNode> echoes) {
        MergeRule rule = rules.rule(field);
        FieldValue held = current.field(field);
        FieldVersion heldVersion = held == null ? null : held.version();
        if (rule == null) {
            return new FieldDecision(field, Decision.REJECTED_NOT_OWNER, incoming, heldVersion, "domain '" + domain.name() + "' has no field '" + field + "'");
        }
        if (echoes.containsKey(field) && Values.same(echoes.get(field), value)) {
            return new FieldDecision(field, Decision.ECHO, incoming, heldVersion,
                    "unchanged at " + incoming.system() + " since Accord last wrote or read it");
        }
        if (!rule.permits(incoming.system()) && held != null && Values.same(held.value(), value)) {
            return new FieldDecision(field, Decision.ECHO, incoming, heldVersion, "repeats the golden value; " + incoming.system() + " does not own it");
        }
        if (!rule.permits(incoming.system())) {
            return new FieldDecision(field, Decision.REJECTED_NOT_OWNER, incoming, heldVersion, field + " may be written by " + rule.whoMayWrite());
        }
        if (held == null) {
            return new FieldDecision(field, Decision.APPLIED, incoming, null, "first value");
        }
        if (incoming.sameChangeAs(heldVersion)) {
            return new FieldDecision(field, Decision.DUPLICATE, incoming, heldVersion, "same change already holds the field");
        }
        if (rule.compare(incoming, heldVersion) <= 0) {
            return Values.same(held.value(), value)
                    ? new FieldDecision(field, Decision.ECHO, incoming, heldVersion, "repeats the golden value")
                    : new FieldDecision(field, Decision.STALE, incoming, heldVersion, "held version " + heldVersion + " outranks it");
        }
        if (rule.needsReview(held, incoming, value)) {
            return new FieldDecision(field, Decision.NEEDS_REVIEW, incoming, heldVersion,
                    "would overwrite the value set by " + heldVersion.system() + "; a human decides");
        }
        Optional<String> ruleTrigger = domain.fields().get(field).review().trigger(held.value(), value);
        if (ruleTrigger.isPresent()) {
            return new FieldDecision(field, Decision.NEEDS_REVIEW, incoming, heldVersion, field + " " + ruleTrigger.get());
        }
        if (Values.same(held.value(), value)) {
            return new FieldDecision(field, Decision.UNCHANGED, incoming, heldVersion, "same value, newer version");
        }
        return new FieldDecision(field, Decision.APPLIED, incoming, heldVersion, "advances the field");
    }

    private static List<FieldDecision> noteStillDeleted(List<FieldDecision> decisions) {
        return decisions.stream().map(d -> d.decision() == Decision.APPLIED || d.decision() == Decision.UNCHANGED
                ? new FieldDecision(d.field(), d.decision(), d.incoming(), d.current(), d.reason() + "; the record stays deleted")
                : d).toList();
    }

    /**
     * Undoes {@code change} on the current golden record, field by field, but only where the field still
     * holds what the change wrote: a value someone changed since is left alone and reported. A field that
     * already holds its before-image is skipped, so reverting twice is a no-op.
     */
    public Reversal revert(CanonicalRecord current, ChangeSet change) {
        List<FieldChange> undone = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, FieldValue> fields = new HashMap<>(current.fields());
        for (FieldChange written : change.fields()) {
            FieldValue held = current.field(written.field());
            if (java.util.Objects.equals(held, written.before())) {
                continue;
            }
            if (!java.util.Objects.equals(held, written.after())) {
                conflicts.add(written.field());
            } else {
                undone.add(new FieldChange(written.field(), held, written.before()));
                if (written.before() == null) {
                    fields.remove(written.field());
                } else {
                    fields.put(written.field(), written.before());
                }
            }
        }
        FieldVersion tombstone = current.tombstone();
        if (!java.util.Objects.equals(change.tombstoneBefore(), change.tombstoneAfter())) {
            if (java.util.Objects.equals(tombstone, change.tombstoneAfter())) {
                tombstone = change.tombstoneBefore();
            } else if (!java.util.Objects.equals(tombstone, change.tombstoneBefore())) {
                conflicts.add(FieldDecision.DELETE_FIELD);
            }
        }
        boolean deleted = Tombstones.deleted(tombstone, fields, domain.lifecycle(), rules.recordOrder());
        ChangeSet reverting = new ChangeSet(domain.name(), current.key(), undone, current.tombstone(), tombstone, current.deleted(), deleted);
        return new Reversal(reverting.applyTo(current), reverting, conflicts);
    }

    /** The outcome of {@link #revert}: the record after, what was undone, and the fields left alone. */
    public record Reversal(CanonicalRecord after, ChangeSet changes, List<String> conflicts) {}

    private Resolution resolveDelete(CanonicalRecord current, SourceChange change) {
        FieldVersion incoming = change.version();
        FieldVersion tombstone = current.tombstone();
        FieldDecision decision;
        FieldVersion newTombstone = tombstone;
        if (!domain.lifecycle().mayDelete(incoming.system())) {
            decision = new FieldDecision(FieldDecision.DELETE_FIELD, Decision.REJECTED_NOT_OWNER, incoming, tombstone,
                    "only " + domain.lifecycle().delete() + " may delete " + domain.name() + " records");
        } else if (incoming.sameChangeAs(tombstone)) {
            decision = new FieldDecision(FieldDecision.DELETE_FIELD, Decision.DUPLICATE, incoming, tombstone, "delete already recorded");
        } else if (tombstone != null && rules.recordOrder().compare(incoming, tombstone) <= 0) {
            decision = new FieldDecision(FieldDecision.DELETE_FIELD, Decision.STALE, incoming, tombstone, "a newer delete is recorded");
        } else {
            newTombstone = incoming;
            boolean deletes = Tombstones.deleted(incoming, current.fields(), domain.lifecycle(), rules.recordOrder());
            decision = deletes
                    ? new FieldDecision(FieldDecision.DELETE_FIELD, Decision.APPLIED, incoming, tombstone, "tombstone recorded")
                    : new FieldDecision(FieldDecision.DELETE_FIELD, Decision.STALE, incoming, tombstone,
                            "the record changed after this delete; a stale delete does not delete");
        }
        boolean deleted = Tombstones.deleted(newTombstone, current.fields(), domain.lifecycle(), rules.recordOrder());
        ChangeSet changeSet = new ChangeSet(domain.name(), current.key(), List.of(), tombstone, newTombstone, current.deleted(), deleted);
        return new Resolution(change.dedupKey(), decision.decision(), List.of(decision), changeSet, changeSet.applyTo(current));
    }
}
