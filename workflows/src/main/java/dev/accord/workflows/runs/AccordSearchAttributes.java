package dev.accord.workflows.runs;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom search attributes on every workflow Accord starts, so operators find runs in the Temporal UI
 * and with {@code temporal workflow list --query}. A namespace must know them before a workflow carries
 * them: the worker registers them at start-up ({@code SearchAttributeRegistration} in the worker), the compose
 * stack's set-up creates them, and {@code docs/operations.md} lists the commands for any other server.
 */
public final class AccordSearchAttributes {

    /** The flow a run syncs, backfills, reviews or checks. */
    public static final SearchAttributeKey<String> FLOW = SearchAttributeKey.forKeyword("AccordFlow");
    /** sync, backfill, chunk, rollback, review, freshness or quarantine-replay ({@link RunKind}). */
    public static final SearchAttributeKey<String> RUN_KIND = SearchAttributeKey.forKeyword("AccordRunKind");
    /** The contract version the run works under (upserted once the run has read its plan). */
    public static final SearchAttributeKey<Long> CONTRACT_VERSION = SearchAttributeKey.forLong("AccordContractVersion");
    /** The hash of the contract the run works under (upserted with the version). */
    public static final SearchAttributeKey<String> CONTRACT_HASH = SearchAttributeKey.forKeyword("AccordContractHash");
    /** True for a run that decides everything and writes nothing. */
    public static final SearchAttributeKey<Boolean> DRY_RUN = SearchAttributeKey.forBoolean("AccordDryRun");
    /** The run's state as its progress query names it (running, paused, holding, finished, failed, …), upserted as it changes. */
    public static final SearchAttributeKey<String> STATE = SearchAttributeKey.forKeyword("AccordState");

    private static final List<SearchAttributeKey<?>> ALL = List.of(FLOW, RUN_KIND, CONTRACT_VERSION, CONTRACT_HASH, DRY_RUN, STATE);

    private AccordSearchAttributes() {}

    /** Accord's attributes among {@code attributes}, and only those (no system attribute such as TemporalChangeVersion). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SearchAttributes accordOnly(SearchAttributes attributes) {
        SearchAttributes.Builder builder = SearchAttributes.newBuilder();
        for (SearchAttributeKey key : ALL) {
            if (attributes.containsKey(key)) {
                builder.set(key, attributes.get(key));
            }
        }
        return builder.build();
    }

    /** Every attribute with the type a namespace must register it as, in a stable order. */
    public static Map<String, IndexedValueType> definitions() {
        Map<String, IndexedValueType> definitions = new LinkedHashMap<>();
        ALL.forEach(key -> definitions.put(key.getName(), key.getValueType()));
        return definitions;
    }
}
