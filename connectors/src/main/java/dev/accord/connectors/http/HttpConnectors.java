package dev.accord.connectors.http;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.Throttle;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.SystemKind;
import dev.accord.core.contract.SystemSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The http connectors of one contract (systems of kind http). Each system gets one HTTP client, built on first
 * use from its connection settings and paced by its {@link Throttle}; each (system, domain) one source and one
 * target, shared by all activity threads. Settings problems surface as {@link HttpConfigurationException}.
 */
public final class HttpConnectors {

    private final Contract contract;
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final Function<String, Throttle> throttles;
    private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();
    private final Map<String, HttpSource> sources = new ConcurrentHashMap<>();
    private final Map<String, HttpTarget> targets = new ConcurrentHashMap<>();

    /**
     * @param environment looks up the environment variables the contract names
     * @param throttles the per-system request pacing (one permit per request), by system name
     */
    public HttpConnectors(Contract contract, UnaryOperator<String> environment, Function<String, Throttle> throttles) {
        this(contract, environment, throttles, Clock.systemUTC());
    }

    /** @param clock the time of a record without a time field, and of a soft delete */
    public HttpConnectors(Contract contract, UnaryOperator<String> environment, Function<String, Throttle> throttles, Clock clock) {
        this.contract = contract;
        this.environment = environment;
        this.throttles = throttles;
        this.clock = clock;
    }

    /** Reads {@code domain} from {@code system}'s change feed. */
    public SourceConnector source(String system, String domain) {
        return sources.computeIfAbsent(system + "/" + domain, k -> {
            JsonRecords records = records(system, domain);
            Positions positions = new Positions(contract.system(system).timezone());
            ApiClient api = client(system);
            return new HttpSource(records, new ChangeLister(api, records, positions), new KeyReader(api, records), positions);
        });
    }

    /** Writes {@code domain} to {@code system} with conditional requests. */
    public TargetConnector target(String system, String domain) {
        return targets.computeIfAbsent(system + "/" + domain, k -> {
            JsonRecords records = records(system, domain);
            ApiClient api = client(system);
            KeyReader keys = new KeyReader(api, records);
            return new HttpTarget(records, keys, new HttpWrites(api, records, keys, clock));
        });
    }

    private JsonRecords records(String system, String domain) {
        SystemSpec spec = httpSystem(system);
        DomainMapping mapping = contract.mapping(system, domain);
        return new JsonRecords(spec, mapping, contract.domain(domain).key(), clock);
    }

    private ApiClient client(String system) {
        return clients.computeIfAbsent(system, name -> new ApiClient(ApiSettings.of(httpSystem(name), environment), throttles.apply(name)));
    }

    private SystemSpec httpSystem(String system) {
        SystemSpec spec = contract.system(system);
        if (spec.kind() != SystemKind.HTTP) {
            throw new HttpConfigurationException("system '" + system + "' is of kind " + spec.kind().spelling() + ", not http");
        }
        return spec;
    }
}
