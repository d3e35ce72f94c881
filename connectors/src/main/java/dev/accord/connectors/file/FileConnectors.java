package dev.accord.connectors.file;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.SystemKind;
import dev.accord.core.contract.SystemSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The file connectors of one contract (systems of kind file). A mapping's {@code path} is a folder of files
 * to read (a source) or the file to export to (a target); a relative path is resolved against the system's
 * {@code directory} connection setting, else against the worker's working directory. One source and one
 * target per (system, domain), shared by every activity thread.
 */
public final class FileConnectors {

    private final Contract contract;
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final Map<String, SourceConnector> sources = new ConcurrentHashMap<>();
    private final Map<String, TargetConnector> targets = new ConcurrentHashMap<>();

    public FileConnectors(Contract contract, UnaryOperator<String> environment) {
        this(contract, environment, Clock.systemUTC());
    }

    /** @param clock the time a deleted line's tombstone column records */
    public FileConnectors(Contract contract, UnaryOperator<String> environment, Clock clock) {
        this.contract = contract;
        this.environment = environment;
        this.clock = clock;
    }

    /** Reads {@code domain} from the files in {@code system}'s folder, each line once. */
    public SourceConnector source(String system, String domain) {
        return sources.computeIfAbsent(system + "/" + domain, k -> {
            DomainMapping mapping = contract.mapping(system, domain);
            return new FileSource(path(system, mapping), records(system, mapping), new LineCodec(mapping.file()), mapping.file().pattern());
        });
    }

    /** Exports {@code domain} to {@code system}'s file. */
    public TargetConnector target(String system, String domain) {
        return targets.computeIfAbsent(system + "/" + domain, k -> {
            DomainMapping mapping = contract.mapping(system, domain);
            return new FileTarget(path(system, mapping), records(system, mapping), new LineCodec(mapping.file()), clock);
        });
    }

    private FileRecords records(String system, DomainMapping mapping) {
        return new FileRecords(fileSystem(system), mapping, contract.domain(mapping.domain()).key());
    }

    private Path path(String system, DomainMapping mapping) {
        Path path = Path.of(mapping.path());
        if (path.isAbsolute()) {
            return path;
        }
        return fileSystem(system).connection().resolve("directory", environment).map(d -> Path.of(d).resolve(path)).orElse(path);
    }

    private SystemSpec fileSystem(String system) {
        SystemSpec spec = contract.system(system);
        if (spec.kind() != SystemKind.FILE) {
            throw new FileConfigurationException("system '" + system + "' is of kind " + spec.kind().spelling() + ", not file");
        }
        return spec;
    }
}
