package dev.accord.core.schema;

/**
 * One breaking change found by {@code accord contract check}.
 *
 * @param domain the domain it concerns
 * @param path JSON path of the affected data ({@code $.email}), {@code $} for the whole record
 * @param rule the rule it breaks: a {@link ChangeRule} with its direction, or a contract rule such as
 *     {@code CONSUMER_FIELD_REMOVED} or {@code SCHEMA_VERSION_NOT_BUMPED}
 * @param message what changed and who it breaks
 */
public record Finding(String domain, String path, String rule, String message) {

    public String render() {
        return domain + " " + path + ": " + rule + ": " + message;
    }
}
