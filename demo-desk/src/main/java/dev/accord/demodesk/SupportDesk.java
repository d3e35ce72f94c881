package dev.accord.demodesk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A support desk's contact API on 127.0.0.1, as a SaaS product serves it: contacts at {@code /api/contacts}
 * with ETags, {@code If-Match} on every change ({@code 412} when stale, {@code 428} when missing), paging by
 * cursor token, page number or {@code Link} header, bearer-token authentication, and a rate limit answered with
 * {@code 429}. The contacts outlive {@link #stop()}, so a test can take the service away and bring it back
 * ({@link #start()}) on the same port, as an outage would. See {@link DeskApi} for the routes.
 */
public final class SupportDesk implements AutoCloseable {

    /** The path of the contact collection. */
    public static final String CONTACTS = "/api/contacts";

    static {
        // The JDK's HTTP server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK hold every answer back ~40 ms, which makes a real SaaS API look slow.
        // Read once, when the server classes load, so it is set before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Contacts contacts = new Contacts();
    private final DeskFaults faults = new DeskFaults();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final String token;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** @param token the bearer token clients must send; null accepts any client */
    public SupportDesk(String token) {
        this.token = token;
    }

    /** Starts on a free port the first time, on the same port afterwards. */
    public synchronized SupportDesk start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "support-desk");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(CONTACTS, new DeskApi(contacts, faults, token, this::count));
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops answering: connections are refused until {@link #start()}. The contacts are kept. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Contacts contacts() {
        return contacts;
    }

    public DeskFaults faults() {
        return faults;
    }

    /** Responses sent so far, by HTTP status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void close() {
        stop();
    }
}
