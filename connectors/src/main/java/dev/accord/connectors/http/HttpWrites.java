package dev.accord.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.DeleteMode;
import dev.accord.core.contract.HttpMapping;
import dev.accord.core.validation.ReasonCode;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * One compare-and-set write as an API request. Creates go to the item path with {@code If-None-Match: *}
 * (or POST to the endpoint); updates are merge PATCHes; deletes are a DELETE or, with {@code delete: soft},
 * a PATCH that sets the tombstone property; undeletes clear it. Every change carries its precondition:
 * {@code If-Match} with the ETag of the expected version (from the last read, or read afresh; a record no
 * longer at that version is a conflict without a request), or the version property in the body. A write
 * that follows another to the same key in one list expects what the earlier one produced, so it carries the
 * ETag that came back. A write the API refuses as invalid ({@code 400}, {@code 422}) is that record's
 * {@link WriteResult.Status#REJECTED}: the writes after it go on.
 *
 * <p>A system that assigns its own ids ({@code key: {assigned: true, …}}) gets a create (whose key is then the canonical
 * id) as a {@code POST} to the endpoint whose body has no id, with the canonical id in the {@code external-id} property
 * when the mapping names one and as the {@code Idempotency-Key} header: an API that honours it answers a create sent
 * again after a crash (the record made, the answer or the link lost) with the record it made instead of a second one.
 * The new record's id is the answer's key property, else the last segment of its {@code Location}.
 */
final class HttpWrites {

    private final ApiClient api;
    private final Clock clock;
    private final JsonRecords records;
    private final KeyReader keys;
    private final HttpMapping http;

    HttpWrites(ApiClient api, JsonRecords records, KeyReader keys, Clock clock) {
        this.clock = clock;
        this.api = api;
        this.records = records;
        this.keys = keys;
        this.http = records.http();
    }

    WriteResult write(TargetWrite write, Map<String, String> chained, HttpTarget.EtagCache etags) {
        String key = write.key();
        if (write.kind() == TargetWrite.Kind.UPSERT && write.expectedVersion() == null) {
            if (assignsId(write)) {
                return assignedCreate(write, etags);
            }
            return settle(key, create(write), true, chained, etags);
        }
        if (write.expectedVersion() == null) {
            throw new IllegalArgumentException(write.kind() + " of '" + key + "' needs the version it expects");
        }
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        String method = "PATCH";
        switch (write.kind()) {
            case UPSERT -> write.columns().forEach((column, value) -> putValue(body, column, value));
            case DELETE -> {
                if (records.mapping().delete() == DeleteMode.SOFT) {
                    body.put(records.mapping().softDeleteColumn(), clock.instant().truncatedTo(ChronoUnit.MICROS).toString());
                } else {
                    method = "DELETE";
                }
            }
            case REMOVE -> method = "DELETE";
            case UNDELETE -> body.putNull(records.mapping().softDeleteColumn());
        }
        body.remove(records.keyColumn());
        Optional<String[]> precondition = precondition(key, write.expectedVersion(), body, chained, etags);
        if (precondition.isEmpty()) {
            return new WriteResult(key, WriteResult.Status.CONFLICT, null);
        }
        String text = method.equals("DELETE") ? null : body.toString();
        return settle(key, api.send(method, keys.item(key), text, precondition.get()), false, chained, etags);
    }

    private ApiResponse create(TargetWrite write) {
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        write.columns().forEach((column, value) -> putValue(body, column, value));
        body.put(records.keyColumn(), write.key());
        if (http.create() == HttpMapping.Create.POST) {
            URI url = api.url(records.mapping().endpoint());
            return api.send("POST", url, body.toString(), null);
        }
        return api.send("PUT", keys.item(write.key()), body.toString(), new String[] {"If-None-Match", "*"});
    }

    /**
     * Whether this create carries the canonical id, for a record the system is to give an id: the system assigns the
     * ids and the write's external-id property (when it has one) holds its key. A create whose external-id property
     * holds another value carries a record's own id (one linked here already) and is created with it as before.
     */
    private boolean assignsId(TargetWrite write) {
        dev.accord.core.contract.LocalKey local = records.mapping().localKey();
        if (local == null || !local.assigned()) {
            return false;
        }
        Object externalId = local.externalId() == null ? null : write.columns().get(local.externalId());
        return externalId == null || externalId.toString().equals(write.key());
    }

    /**
     * A create in a system that assigns the ids: {@code POST} without the id, idempotent by the canonical id. A
     * {@code 409} or {@code 412} that names the existing record (an API that refuses a second record with the same
     * external id) is {@link WriteResult#alreadyCreated}; one that does not is a plain conflict.
     */
    private WriteResult assignedCreate(TargetWrite write, HttpTarget.EtagCache etags) {
        String key = write.key();
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        write.columns().forEach((column, value) -> putValue(body, column, value));
        body.remove(records.keyColumn());
        String externalId = records.mapping().localKey().externalId();
        if (externalId != null) {
            body.put(externalId, key);
        }
        ApiResponse response = api.send("POST", api.url(records.mapping().endpoint()), body.toString(),
                new String[] {"Idempotency-Key", key});
        if (response.status() == 409 || response.status() == 412) {
            String existing = idOf(response);
            return existing == null ? new WriteResult(key, WriteResult.Status.CONFLICT, null) : WriteResult.alreadyCreated(key, existing);
        }
        if (response.refusesTheRecord()) {
            return WriteResult.rejected(key, new WriteResult.Rejection(ReasonCode.TARGET_REJECTED, null, response.refusal()));
        }
        response.requireOk();
        String id = idOf(response);
        if (id == null) {
            id = lastSegment(response.header("Location"));
        }
        if (id == null) {
            throw new HttpConfigurationException("system '" + records.system().name() + "': POST " + records.mapping().endpoint()
                    + " answered " + response.status() + " with neither the new record's '" + records.keyColumn()
                    + "' property nor a Location header; check the mapping's key column");
        }
        Long version = null;
        if (response.body().length > 0) {
            JsonNode record = response.json();
            String etag = records.etag(record, response.header("ETag"));
            version = records.targetRow(record, etag).version();
            etags.put(id, version, etag);
        }
        return WriteResult.created(key, version, id);
    }

    /** The key property of the record an answer carries; null when it carries none (no body, not JSON, no such property). */
    private String idOf(ApiResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            JsonNode record = response.json();
            String id = record.isObject() ? records.key(record) : null;
            return id == null || id.isBlank() ? null : id;
        } catch (HttpAccessException notJson) {
            return null;
        }
    }

    /** The last path segment of a {@code Location} header ({@code /api/contacts/ct_7} gives {@code ct_7}); null when none. */
    static String lastSegment(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String path;
        try {
            path = URI.create(location.strip()).getPath();
        } catch (IllegalArgumentException e) {
            path = location.strip();
        }
        if (path == null) {
            return null;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? null : segment;
    }

    /** The headers that make the write conditional; empty when the record is no longer at the expected version. */
    private Optional<String[]> precondition(String key, long expected, ObjectNode body, Map<String, String> chained,
                                            HttpTarget.EtagCache etags) {
        if (http.concurrency() == HttpMapping.Concurrency.VERSION_FIELD) {
            body.put(records.mapping().versionColumn(), expected);
            return Optional.of(new String[0]);
        }
        String etag = chained.containsKey(key) ? chained.get(key) : etags.get(key, expected);
        if (etag == null) {
            Optional<KeyReader.Found> current = keys.one(key);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            etag = records.etag(current.get().record(), current.get().etagHeader());
            if (etag == null) {
                throw new HttpConfigurationException("system answered " + key + " without an ETag; set http.etag-field, or"
                        + " concurrency: version-field with a version-column");
            }
            if (JsonRecords.etagVersion(etag) != expected) {
                return Optional.empty();
            }
        }
        return Optional.of(new String[] {"If-Match", etag});
    }

    /** @param creating a create conflicts only when the record exists (409, 412), not on 404 */
    private WriteResult settle(String key, ApiResponse response, boolean creating, Map<String, String> chained,
                               HttpTarget.EtagCache etags) {
        if (creating ? response.status() == 409 || response.status() == 412 : response.conflict()) {
            etags.remove(key);
            return new WriteResult(key, WriteResult.Status.CONFLICT, null);
        }
        if (response.refusesTheRecord()) {
            return WriteResult.rejected(key, new WriteResult.Rejection(ReasonCode.TARGET_REJECTED, null, response.refusal()));
        }
        response.requireOk();
        if (response.status() == 204 || response.body().length == 0) {
            etags.remove(key);
            chained.remove(key);
            return new WriteResult(key, WriteResult.Status.APPLIED, null);
        }
        JsonNode record = response.json();
        String etag = records.etag(record, response.header("ETag"));
        long version = records.targetRow(record, etag).version();
        etags.put(key, version, etag);
        chained.put(key, etag);
        return new WriteResult(key, WriteResult.Status.APPLIED, version);
    }

    private static void putValue(ObjectNode body, String column, Object value) {
        if (value == null) {
            body.putNull(column);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            body.put(column, ((Number) value).longValue());
        } else if (value instanceof java.math.BigDecimal decimal) {
            body.put(column, decimal);
        } else if (value instanceof Boolean flag) {
            body.put(column, flag);
        } else {
            body.put(column, value.toString());
        }
    }
}
