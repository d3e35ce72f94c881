package dev.accord.workflows.activities;

/**
 * One record of a backfill page that was not applied as-is, named in the page's activity result so an
 * operator finds it in the workflow's event history. Carries reason codes and paths, never field values
 * (values may be personal data); {@code accord explain <domain> <key>} has the full story.
 *
 * @param key the record's key
 * @param decision what happened: quarantined, stale, rejected-not-owner, needs-review (hub decisions),
 *     conflict, parked (a delivery to {@code system}), or held (the kill switch or an open circuit held
 *     the delivery to {@code system})
 * @param system the target (or the source, for repairs) a delivery outcome concerns; null for decisions
 *     taken before delivery
 * @param reason reason codes with their paths ({@code SCHEMA_CONSTRAINT at $.email}), or the fields the
 *     decision concerns ({@code fields: email, phone}), or a short code ({@code CAS_CONFLICT}, {@code HELD})
 */
public record RecordException(String key, String decision, String system, String reason) {}
