package dev.accord.worker;

import dev.accord.activities.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds that keep one bad record from stopping a flow ({@code accord.limits.*}; docs/errors.md).
 *
 * @param pageBytes the most a page of records may weigh as JSON in a Temporal payload (Temporal refuses payloads over
 *     2 MiB by default; a page travels in the extract result and again in the validate request)
 * @param recordBytes the most one record may weigh; a larger one is quarantined as RECORD_TOO_LARGE
 * @param poisonAfterAttempts attempts of a step after which records that keep failing it are isolated and quarantined
 *     as PROCESSING_FAILED
 */
@ConfigurationProperties("accord.limits")
public record LimitsProperties(@DefaultValue("1MB") DataSize pageBytes, @DefaultValue("256KB") DataSize recordBytes,
                               @DefaultValue("4") int poisonAfterAttempts) {

    Limits limits() {
        return new Limits(pageBytes.toBytes(), recordBytes.toBytes(), poisonAfterAttempts);
    }
}
