package dev.accord.connectors.resilience;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A target whose every call runs under its system's {@link SystemGuard}. */
final class GuardedTarget implements TargetConnector {

    private final SystemGuard guard;
    private final TargetConnector target;
    private final boolean paced;

    GuardedTarget(SystemGuard guard, TargetConnector target, boolean paced) {
        this.guard = guard;
        this.target = target;
        this.paced = paced;
    }

    @Override
    public Map<String, TargetRow> readByKeys(Collection<String> keys) {
        return guard.call("readByKeys", paced, () -> target.readByKeys(keys));
    }

    @Override
    public List<WriteResult> apply(List<TargetWrite> writes) {
        return guard.call("apply", paced, () -> target.apply(writes));
    }
}
