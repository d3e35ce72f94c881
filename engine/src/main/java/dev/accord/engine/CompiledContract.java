package dev.accord.engine;

import dev.accord.core.contract.Contract;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.resolve.Resolver;
import dev.accord.core.validation.SchemaValidator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract a worker runs, with what is expensive to build from it (record mappers, compiled schemas,
 * resolvers) built once per system and domain and shared: they are immutable.
 */
public final class CompiledContract {

    private final Contract contract;
    private final Map<String, RecordMapper> mappers = new ConcurrentHashMap<>();
    private final Map<String, SchemaValidator> validators = new ConcurrentHashMap<>();
    private final Map<String, Resolver> resolvers = new ConcurrentHashMap<>();

    public CompiledContract(Contract contract) {
        this.contract = contract;
    }

    public Contract contract() {
        return contract;
    }

    public RecordMapper mapper(String system, String domain) {
        return mappers.computeIfAbsent(system + "/" + domain, k -> new RecordMapper(contract, system, domain));
    }

    public SchemaValidator validator(String domain) {
        return validators.computeIfAbsent(domain, d -> new SchemaValidator(contract.domain(d)));
    }

    public Resolver resolver(String domain) {
        return resolvers.computeIfAbsent(domain, d -> new Resolver(contract, d));
    }
}
