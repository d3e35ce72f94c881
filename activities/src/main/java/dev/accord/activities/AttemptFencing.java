package dev.accord.activities;

import dev.accord.store.AccordStore;
import dev.accord.store.Fence;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Fences every activity attempt (docs/architecture.md#fencing): before the activity runs, its attempt takes the
 * activity's lease in the store (the scope is the workflow id, run id and activity id, the token Temporal's attempt
 * number), and every store transaction it runs commits only while no newer attempt has taken the lease over. A
 * worker that stalled past its heartbeat timeout, and whose attempt Temporal retried elsewhere, wakes up to find
 * each of its transactions refused and stops; it writes nothing to a system either, since a write is issued only
 * after its lease is checked once more. A worker interceptor, so no activity can be registered unfenced.
 */
public final class AttemptFencing extends WorkerInterceptorBase {

    private final AccordStore store;
    private final String holder;

    /** @param holder who runs the attempts, for the record (deployment id and process id) */
    public AttemptFencing(AccordStore store, String holder) {
        this.store = store;
        this.holder = holder;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private Fence fence;

            @Override
            public void init(ActivityExecutionContext context) {
                ActivityInfo info = context.getInfo();
                fence = new Fence(info.getWorkflowId() + "|" + info.getRunId() + "|" + info.getActivityId(), info.getAttempt(), holder);
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                return store.fenced(fence, () -> super.execute(input));
            }
        };
    }

    /** The holder name of this worker process: its deployment id and process id. */
    public static String holder(String deploymentId) {
        return deploymentId + "/" + ProcessHandle.current().pid();
    }
}
