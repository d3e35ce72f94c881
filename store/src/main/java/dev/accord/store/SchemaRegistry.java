package dev.accord.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.VersionedSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema registry in the Accord store: every registered version of every domain's canonical schema.
 * Versions are immutable: registering a version that exists is a no-op when the content is the same and
 * refused otherwise; the compatibility check itself is core's ({@code ContractCheck.againstRegistry}), run by
 * the caller before {@link #register}.
 */
public final class SchemaRegistry {

    private final Clock clock;

    /** @param clock when a version is registered without a time of its own */
    public SchemaRegistry(Clock clock) {
        this.clock = clock;
    }

    /** One registered version, with what brought it. */
    public record Registered(String domain, int version, JsonNode schema, String compatibility, String contractName,
                             String contractVersion, String contractHash, String registeredBy, Instant registeredAt) {}

    /** Every registered version per domain, oldest first. */
    public Map<String, List<VersionedSchema>> all(Connection connection) throws SQLException {
        Map<String, List<VersionedSchema>> byDomain = new LinkedHashMap<>();
        for (Registered r : list(connection, null)) {
            byDomain.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(new VersionedSchema(r.version(), r.schema()));
        }
        return byDomain;
    }

    /** The registered versions of one domain (all domains when null), oldest first. */
    public List<Registered> list(Connection connection, String domain) throws SQLException {
        return Sql.query(connection, "select * from schema_registry" + (domain == null ? "" : " where domain_name = ?")
                + " order by domain_name, version", s -> {
                    if (domain != null) {
                        s.setString(1, domain);
                    }
                }, r -> new Registered(r.getString("domain_name"), r.getInt("version"), StoreJson.read(r.getString("schema_json"), JsonNode.class),
                        r.getString("compatibility"), r.getString("contract_name"), r.getString("contract_version"),
                        r.getString("contract_hash"), r.getString("registered_by"), Sql.time(r, "registered_at")));
    }

    /**
     * Registers a version; idempotent for identical content.
     *
     * @return true when the version was added, false when it was registered already with the same content
     * @throws IllegalStateException when the version is registered with other content
     */
    public boolean register(Connection connection, Registered version) throws SQLException {
        Optional<Registered> existing = list(connection, version.domain()).stream().filter(r -> r.version() == version.version()).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().schema().equals(version.schema())) {
                throw new IllegalStateException("schema version " + version.version() + " of domain '" + version.domain()
                        + "' is registered with other content; registered versions never change");
            }
            return false;
        }
        Sql.update(connection, "insert into schema_registry (domain_name, version, schema_json, compatibility, contract_name,"
                + " contract_version, contract_hash, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, version.domain());
                    s.setInt(2, version.version());
                    s.setString(3, StoreJson.write(version.schema()));
                    s.setString(4, version.compatibility());
                    s.setString(5, version.contractName());
                    s.setString(6, version.contractVersion());
                    s.setString(7, version.contractHash());
                    s.setString(8, version.registeredBy());
                    Sql.setTime(s, 9, version.registeredAt() == null ? clock.instant() : version.registeredAt());
                });
        return true;
    }
}
