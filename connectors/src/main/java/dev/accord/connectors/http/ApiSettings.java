package dev.accord.connectors.http;

import dev.accord.core.contract.SystemSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An http system's connection settings, resolved from the contract's {@code connection} (inline or through
 * environment variables): {@code base-url}; one way to authenticate — {@code token} (bearer), {@code user}
 * and {@code password} (basic), or {@code api-key} sent in {@code api-key-header}; {@code timeout} per
 * request; {@code max-retry-wait}, the longest {@code Retry-After} a call waits out itself, and
 * {@code throttle-retries}, how often it does.
 *
 * @param authorization the header that authenticates every request (name, value); null when none is configured
 */
record ApiSettings(String system, URI baseUrl, String[] authorization, Duration timeout, Duration maxRetryWait,
                   int throttleRetries) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(5);
    static final int DEFAULT_THROTTLE_RETRIES = 5;
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    static ApiSettings of(SystemSpec system, UnaryOperator<String> environment) {
        String base = setting(system, "base-url", environment).orElseThrow(() -> missing(system, "base-url", "a base URL"));
        URI url;
        try {
            url = URI.create(base.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new HttpConfigurationException("system '" + system.name() + "' has a base URL that is not a URL: " + base);
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new HttpConfigurationException("system '" + system.name() + "' needs an http:// or https:// base URL, not " + base);
        }
        return new ApiSettings(system.name(), url, authorization(system, environment),
                duration(system, "timeout", environment, DEFAULT_TIMEOUT),
                duration(system, "max-retry-wait", environment, DEFAULT_MAX_RETRY_WAIT),
                setting(system, "throttle-retries", environment).map(Integer::parseInt).orElse(DEFAULT_THROTTLE_RETRIES));
    }

    private static String[] authorization(SystemSpec system, UnaryOperator<String> environment) {
        Optional<String> token = setting(system, "token", environment);
        if (token.isPresent()) {
            return new String[] {"Authorization", "Bearer " + token.get()};
        }
        Optional<String> user = setting(system, "user", environment);
        if (user.isPresent()) {
            String password = setting(system, "password", environment).orElse("");
            String pair = user.get() + ":" + password;
            return new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))};
        }
        Optional<String> apiKey = setting(system, "api-key", environment);
        return apiKey.map(key -> new String[] {setting(system, "api-key-header", environment).orElse("X-API-Key"), key}).orElse(null);
    }

    private static Duration duration(SystemSpec system, String name, UnaryOperator<String> environment, Duration fallback) {
        Optional<String> text = setting(system, name, environment);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher m = SHORT.matcher(text.get().trim());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text.get().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new HttpConfigurationException("system '" + system.name() + "': " + name + " '" + text.get()
                    + "' is not a duration; write 500ms, 10s or 1m");
        }
    }

    private static Optional<String> setting(SystemSpec system, String name, UnaryOperator<String> environment) {
        return system.connection().resolve(name, environment);
    }

    private static HttpConfigurationException missing(SystemSpec system, String setting, String what) {
        String variable = system.connection().env().get(setting);
        String fix = variable != null ? "set " + variable : "add '" + setting + "-env: <VARIABLE>' (or '" + setting + ":') to its connection";
        return new HttpConfigurationException("system '" + system.name() + "' has no " + what + ": " + fix);
    }
}
