package dev.accord.worker.observability;

import dev.accord.core.page.PageRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Times every activity execution per activity type and flow, with its outcome: {@code accord_activity_seconds}
 * ({@code outcome} success or failure, {@code error} the failure type, e.g. ConfigurationError). The error rate
 * of a flow is its failures over all its executions; every failed attempt counts, retried or not.
 */
final class ActivityMetricsInterceptor extends WorkerInterceptorBase {

    /** The flow of an activity's request: its {@code flow()}, or its {@code page()}'s flow. */
    private static final ClassValue<Optional<Method>> FLOW = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            for (String name : new String[] {"flow", "page"}) {
                try {
                    Method accessor = type.getMethod(name);
                    if (accessor.getReturnType() == String.class || accessor.getReturnType() == PageRef.class) {
                        return Optional.of(accessor);
                    }
                } catch (NoSuchMethodException e) {
                    // not this accessor
                }
            }
            return Optional.empty();
        }
    };

    private final MeterRegistry registry;

    ActivityMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private String activity = "unknown";

            @Override
            public void init(ActivityExecutionContext context) {
                activity = context.getInfo().getActivityType();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                long started = System.nanoTime();
                String flow = flowOf(input.getArguments());
                try {
                    ActivityOutput output = super.execute(input);
                    record(flow, "success", "none", started);
                    return output;
                } catch (RuntimeException | Error e) {
                    record(flow, "failure", errorType(e), started);
                    throw e;
                }
            }

            private void record(String flow, String outcome, String error, long started) {
                Timer.builder("accord.activity").description("Activity executions, by activity, flow and outcome")
                        .tag("activity", activity).tag("flow", flow).tag("outcome", outcome).tag("error", error)
                        .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }

    static String flowOf(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument == null) {
                continue;
            }
            Optional<Method> accessor = FLOW.get(argument.getClass());
            if (accessor.isPresent()) {
                try {
                    Object value = accessor.get().invoke(argument);
                    String flow = value instanceof PageRef page ? page.flow() : (String) value;
                    if (flow != null) {
                        return flow;
                    }
                } catch (ReflectiveOperationException e) {
                    return "none";
                }
            }
        }
        return "none";
    }

    private static String errorType(Throwable e) {
        return e instanceof ApplicationFailure failure ? failure.getType() : e.getClass().getSimpleName();
    }
}
