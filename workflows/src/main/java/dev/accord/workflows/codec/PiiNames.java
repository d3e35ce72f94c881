package dev.accord.workflows.codec;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.SystemSpec;
import java.util.Set;
import java.util.TreeSet;

/**
 * The property names whose values are personal data in Accord's payloads: every canonical field marked
 * {@code pii: true} in the contract, and every system's column (or API property) mapped to one. Canonical records
 * are keyed by field, source and target rows by column, so these names find the values wherever a payload carries
 * them; generic shapes name the field in a property instead ({@link PiiJson}).
 *
 * <p>A name is a name in every domain: a column {@code name} mapped to a PII field in one domain makes {@code name}
 * encrypted in every payload. That costs readability, never protection.
 */
public record PiiNames(Set<String> names) {

    public PiiNames {
        names = Set.copyOf(names);
    }

    public static PiiNames none() {
        return new PiiNames(Set.of());
    }

    public static PiiNames of(String... names) {
        return new PiiNames(Set.of(names));
    }

    public static PiiNames from(Contract contract) {
        Set<String> names = new TreeSet<>();
        contract.domains().values().forEach(domain -> domain.fields().values().stream().filter(FieldSpec::pii).forEach(field -> {
            names.add(field.name());
            contract.systems().values().forEach(system -> names.addAll(columnsOf(system, domain.name(), field.name())));
        }));
        return new PiiNames(names);
    }

    private static Set<String> columnsOf(SystemSpec system, String domain, String field) {
        Set<String> columns = new TreeSet<>();
        system.domain(domain).flatMap(mapping -> mapping.field(field)).map(FieldMapping::column)
                .filter(column -> column != null && !column.isBlank()).ifPresent(column -> {
                    columns.add(column);
                    // a nested API property (contact.email, /contact/email) also travels under its last name
                    columns.add(column.substring(Math.max(column.lastIndexOf('.'), column.lastIndexOf('/')) + 1));
                });
        return columns;
    }

    public boolean contains(String name) {
        return name != null && names.contains(name);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }
}
