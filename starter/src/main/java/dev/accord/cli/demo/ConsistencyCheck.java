package dev.accord.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.Contract;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.Values;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The proof at the end of the demo: reads every system back through its mapping and compares each row with
 * its golden record, field by field. Records the hub never accepted (quarantined at the boundary) have no
 * golden record and are not counted.
 */
final class ConsistencyCheck {

    private final Contract contract;
    private final AccordStore store;
    private final ConnectorFactory connectors;
    private final PrintStream out;

    ConsistencyCheck(Contract contract, AccordStore store, ConnectorFactory connectors, PrintStream out) {
        this.contract = contract;
        this.store = store;
        this.connectors = connectors;
        this.out = out;
    }

    /** @return the number of rows that differ from their golden record */
    long check(List<String> allKeys) {
        java.util.Set<String> held = store.inTransaction(c -> store.quarantine().keys(c));
        List<String> keys = allKeys.stream().filter(k -> !held.contains(k)).toList();
        out.println();
        out.printf("Every system read back and compared with the golden records (%d keys held back by quarantine excluded):%n",
                allKeys.size() - keys.size());
        long differing = 0;
        for (String system : List.of("crm", "billing", "support")) {
            differing += checkSystem(system, keys);
        }
        return differing;
    }

    private long checkSystem(String system, List<String> keys) {
        RecordMapper mapper = new RecordMapper(contract, system, "customer");
        Map<String, GoldenRecords.Stored> golden = store.inTransaction(c -> store.golden().load(c, "customer", keys));
        Map<String, TargetRow> rows = connectors.target(system, "customer").readByKeys(keys);
        long compared = 0;
        long differing = 0;
        for (Map.Entry<String, TargetRow> row : rows.entrySet()) {
            CanonicalRecord record = golden.get(row.getKey()).record();
            if (record.isNew()) {
                continue;
            }
            compared++;
            if (!matches(record, row.getValue(), mapper)) {
                differing++;
            }
        }
        out.printf("  %-8s %6d rows compared, %d differ%n", system, compared, differing);
        return differing;
    }

    private static boolean matches(CanonicalRecord record, TargetRow row, RecordMapper mapper) {
        if (record.deleted() || row.deleted()) {
            return record.deleted() == row.deleted();
        }
        Map<String, JsonNode> local = mapper.toCanonical(row.columns()).fields();
        for (String field : mapper.mappedFields()) {
            FieldValue golden = record.field(field);
            if (golden != null && !Values.same(golden.value(), local.get(field))) {
                return false;
            }
        }
        return true;
    }
}
