package dev.accord.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.HttpMapping;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads records by key: in batches of {@code keysPerRequest} through the {@code by-keys} query parameter
 * when the mapping names one, else one {@code GET} of the item path per key ({@code 404}: absent). A record
 * read alone keeps its response's {@code ETag} header; one read in a batch has only its {@code etag-field}.
 */
final class KeyReader {

    /** One record and the ETag its response carried (null in batches). */
    record Found(JsonNode record, String etagHeader) {}

    private final ApiClient api;
    private final JsonRecords records;
    private final HttpMapping http;

    KeyReader(ApiClient api, JsonRecords records) {
        this.api = api;
        this.records = records;
        this.http = records.http();
    }

    /** @param needsEtag a batch answer without ETags is not enough: read one by one */
    Map<String, Found> read(Collection<String> keys, boolean needsEtag) {
        Map<String, Found> found = new LinkedHashMap<>();
        if (http.byKeys() == null || (needsEtag && http.etagField() == null)) {
            keys.forEach(key -> one(key).ifPresent(f -> found.put(key, f)));
            return found;
        }
        List<String> batch = new ArrayList<>();
        for (String key : keys) {
            batch.add(key);
            if (batch.size() == http.keysPerRequest()) {
                batch(batch, found);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batch(batch, found);
        }
        return found;
    }

    java.util.Optional<Found> one(String key) {
        ApiResponse response = api.get(item(key));
        if (response.status() == 404 || response.status() == 410) {
            return java.util.Optional.empty();
        }
        response.requireOk();
        return java.util.Optional.of(new Found(response.json(), response.header("ETag")));
    }

    URI item(String key) {
        return api.url(http.item().replace("{key}", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    private void batch(List<String> keys, Map<String, Found> found) {
        String list = String.join(",", keys.stream().map(k -> URLEncoder.encode(k, StandardCharsets.UTF_8)).toList());
        URI url = api.url(records.mapping().endpoint() + "?" + URLEncoder.encode(http.byKeys(), StandardCharsets.UTF_8) + "=" + list
                + "&" + URLEncoder.encode(http.paging().sizeParam(), StandardCharsets.UTF_8) + "=" + keys.size());
        for (JsonNode record : records.list(api.get(url).requireOk())) {
            String key = records.key(record);
            if (key != null && keys.contains(key)) {
                found.put(key, new Found(record, null));
            }
        }
    }
}
