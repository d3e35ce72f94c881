package dev.accord.worker.api;

import dev.accord.store.audit.Explainer;
import dev.accord.store.audit.Explanation;
import dev.accord.store.AccordStore;
import dev.accord.store.ReviewQueue;
import dev.accord.store.Runs;
import dev.accord.core.contract.Contract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What any authenticated caller may read: runs and their artifacts, a record's history, reviews, the kill switch. */
@RestController
@RequestMapping("/api")
class ReadApi {

    private final AccordStore store;
    private final Explainer explainer;

    ReadApi(AccordStore store, Contract contract) {
        this.store = store;
        this.explainer = new Explainer(store, contract);
    }

    @GetMapping("/runs")
    List<Runs.Run> runs(@RequestParam(required = false) String flow, @RequestParam(defaultValue = "50") int limit) {
        return store.inTransaction(c -> store.runs().recent(c, flow, Math.min(limit, 1000)));
    }

    @GetMapping("/runs/{runId}")
    Map<String, Object> run(@PathVariable String runId) {
        Runs.Run run = store.inTransaction(c -> store.runs().find(c, runId))
                .orElseThrow(() -> new NotFound("no run " + runId + " in the Accord store"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run);
        if (run.dryRun()) {
            body.put("wouldWrite", store.inTransaction(c -> store.dryRunDiffs().forRun(c, runId, 100)));
        }
        return body;
    }

    /** PII values are masked unless the caller stewards the domain. */
    @GetMapping("/records/{domain}/{key}/history")
    Explanation history(@PathVariable String domain, @PathVariable String key, @RequestParam(required = false) String field) {
        return explainer.explain(domain, key, field, ApiCaller.current().stewards(domain));
    }

    /** The same, for the record a system knows by its own id (the cross-reference gives its canonical id). */
    @GetMapping("/records/{domain}/by-system/{system}/{localId}/history")
    Explanation historyByLocalId(@PathVariable String domain, @PathVariable String system, @PathVariable String localId,
                                 @RequestParam(required = false) String field) {
        return explainer.explainLocal(domain, system, localId, field, ApiCaller.current().stewards(domain));
    }

    @GetMapping("/reviews")
    List<ReviewQueue.Review> reviews(@RequestParam(defaultValue = "pending") String status) {
        return store.inTransaction(c -> store.reviews().list(c, "all".equals(status) ? null : status, 500));
    }

    @GetMapping("/killswitch")
    Object killSwitch() {
        return store.inTransaction(c -> store.killSwitch().state(c));
    }

    /** A 404 with a message that says what was not found. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
