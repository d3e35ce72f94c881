package dev.accord.core.contract;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to reach a system. Non-secret settings may be inline ({@code url}); every setting may
 * instead name an environment variable ({@code url-env}, {@code user-env}, {@code password-env}).
 * Secrets are never inline: the loader rejects {@code password}, {@code token} and {@code secret}.
 *
 * @param inline settings written in the contract
 * @param env setting name to the environment variable that holds its value
 */
public record Connection(Map<String, String> inline, Map<String, String> env) {

    public Connection {
        inline = Map.copyOf(inline);
        env = Map.copyOf(env);
    }

    /**
     * The value of a setting: the environment variable it names wins over an inline value.
     *
     * @param environment looks up environment variables (System::getenv in production)
     */
    public Optional<String> resolve(String setting, UnaryOperator<String> environment) {
        String variable = env.get(setting);
        if (variable != null) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(inline.get(setting));
    }
}
