package dev.accord.core.contract;

import java.util.List;

/**
 * What a target system declares it relies on in one canonical field it reads: the consumer side of the
 * contract. A producer-side change that removes the field, changes its type, or changes the values it can
 * hold away from {@code values} breaks this consumer, whatever the domain's compatibility mode allows; and
 * before apply, a record that does not meet the declaration is quarantined for that target.
 *
 * @param field the canonical field
 * @param type the type the consumer expects, null when it takes the field's type as it is
 * @param values the only values the consumer handles; empty when it handles any
 * @param required whether the consumer needs a value in every record it receives
 */
public record ConsumerRead(String field, FieldType type, List<String> values, boolean required) {

    public ConsumerRead {
        values = List.copyOf(values);
    }
}
