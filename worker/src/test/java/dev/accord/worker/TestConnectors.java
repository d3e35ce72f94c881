package dev.accord.worker;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDBC connectors of a contract behind the activities' {@link ConnectorFactory}, as the worker's
 * ContractConnectors does, with two seams for tests: a hook run before each page is read from a source,
 * and a simulated crash of the activity right after a target write committed (the worker dies before it
 * can record the write).
 */
final class TestConnectors implements ConnectorFactory, AutoCloseable {

    private final JdbcConnectors jdbc;
    private final Set<String> crashAfterNextWrite = ConcurrentHashMap.newKeySet();
    private final AtomicInteger crashes = new AtomicInteger();
    private volatile Runnable beforeRead = () -> { };

    TestConnectors(Contract contract, Map<String, String> environment) {
        this.jdbc = new JdbcConnectors(contract, environment::get);
    }

    /** Runs {@code hook} before every page any source reads. */
    void beforeEachRead(Runnable hook) {
        beforeRead = hook;
    }

    /** The next write to {@code system} commits, then the activity fails as if its worker had been killed. */
    void crashAfterNextWrite(String system) {
        crashAfterNextWrite.add(system);
    }

    int crashes() {
        return crashes.get();
    }

    @Override
    public SourceConnector source(String system, String domain) {
        SourceConnector source = jdbc.source(system, domain);
        return proxy(SourceConnector.class, source, (method, args) -> {
            if (method.getName().equals("readChanges")) {
                beforeRead.run();
            }
        }, (method, args) -> { });
    }

    @Override
    public TargetConnector target(String system, String domain) {
        TargetConnector target = jdbc.target(system, domain);
        return proxy(TargetConnector.class, target, (method, args) -> { }, (method, args) -> {
            boolean wrote = method.getName().equals("apply") && !((List<?>) args[0]).isEmpty();
            if (wrote && crashAfterNextWrite.remove(system)) {
                crashes.incrementAndGet();
                throw new IllegalStateException("simulated crash: the worker died after writing "
                        + ((List<?>) args[0]).size() + " rows to " + system);
            }
        });
    }

    private interface Hook {
        void run(Method method, Object[] args);
    }

    /** Delegates every method of {@code type} (whatever the interface grows) with hooks around the call. */
    private static <T> T proxy(Class<T> type, T delegate, Hook before, Hook after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            before.run(method, args);
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            after.run(method, args);
            return result;
        }));
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
