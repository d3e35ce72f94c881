package dev.accord.engine;

import dev.accord.core.failure.InvalidRequestException;
import dev.accord.core.rollback.RollbackScope;
import dev.accord.store.AccordStore;
import dev.accord.store.Runs;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which runs a rollback covers, from the run records: one run; every run of the flow since a moment or
 * since a given run; or every run since the last one under a known-good contract version. Newest first.
 */
public final class RollbackScopes {

    private final AccordStore store;

    public RollbackScopes(AccordStore store) {
        this.store = store;
    }

    public List<String> runs(RollbackScope scope) {
        return store.inTransaction(c -> {
            Runs runs = store.runs();
            if (scope.runId() != null) {
                runs.find(c, scope.runId()).orElseThrow(() -> new InvalidRequestException("no run " + scope.runId()
                        + " is recorded in the Accord store; list runs with `accord runs list`"));
                return List.of(scope.runId());
            }
            if (scope.lastGoodContractVersion() != null) {
                Runs.Run good = runs.lastUnderContract(c, scope.flow(), scope.lastGoodContractVersion()).orElseThrow(() ->
                        new InvalidRequestException("no run of flow '" + scope.flow() + "' ran under contract version "
                                + scope.lastGoodContractVersion()));
                return runs.since(c, scope.flow(), good.startedAt()).stream().map(Runs.Run::runId)
                        .filter(id -> !id.equals(good.runId())).toList();
            }
            if (scope.since() != null) {
                return runs.since(c, scope.flow(), sinceInstant(c, scope)).stream().map(Runs.Run::runId).toList();
            }
            throw new InvalidRequestException("say what to roll back: a run id, --since <time|run id>, or --contract-version <v>");
        });
    }

    private Instant sinceInstant(java.sql.Connection c, RollbackScope scope) throws java.sql.SQLException {
        try {
            return Instant.parse(scope.since());
        } catch (DateTimeParseException notATime) {
            return store.runs().find(c, scope.since()).map(Runs.Run::startedAt).orElseThrow(() ->
                    new InvalidRequestException("--since '" + scope.since() + "' is neither an ISO-8601 time"
                            + " (2024-06-01T00:00:00Z) nor a run recorded in the Accord store"));
        }
    }
}
