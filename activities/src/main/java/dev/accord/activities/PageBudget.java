package dev.accord.activities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.page.SourceRecord;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps what a page carries through Temporal under {@link Limits#pageBytes()}, measured as the JSON the data
 * converter writes. A record over {@link Limits#recordBytes()} travels as a stub (key, version, its size, no
 * columns) that the boundary quarantines as {@code RECORD_TOO_LARGE}; the record stays readable at its source by
 * key. A page over the budget is cut to the rows that fit, at least one: the caller reads that many rows again, so
 * the source's own next cursor stays exact.
 */
final class PageBudget {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Limits limits;

    PageBudget(Limits limits) {
        this.limits = limits;
    }

    /** The page's rows as records, each over the record limit as a stub. */
    List<SourceRecord> records(SourcePage page) {
        List<SourceRecord> records = new ArrayList<>(page.rows().size());
        for (SourceRow row : page.rows()) {
            int bytes = bytes(row.columns());
            records.add(bytes > limits.recordBytes()
                    ? new SourceRecord(row.key(), row.sourceVersion(), row.timestamp(), row.deleted(), Map.of(), row.malformed(),
                            row.unreadable(), bytes)
                    : new SourceRecord(row.key(), row.sourceVersion(), row.timestamp(), row.deleted(), row.columns(), row.malformed(),
                            row.unreadable()));
        }
        return records;
    }

    /** How many of the leading records fit the page budget: all of them, or fewer but at least one. */
    int fitting(List<SourceRecord> records) {
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            total += bytes(records.get(i));
            if (total > limits.pageBytes()) {
                return Math.max(1, i);
            }
        }
        return records.size();
    }

    private static int bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
