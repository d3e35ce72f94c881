package dev.accord.worker.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the worker reads its metrics from the store and reports Temporal's ({@code accord.observability.*}).
 *
 * @param storeRefresh freshness, lag, quarantine, review backlog and kill switch: cheap indexed queries
 * @param qualityRefresh data quality: reads every live golden record of every domain
 * @param temporalReportInterval how often the Temporal SDK's own metrics are handed to Micrometer
 */
@ConfigurationProperties("accord.observability")
public record ObservabilityProperties(@DefaultValue("15s") Duration storeRefresh, @DefaultValue("5m") Duration qualityRefresh,
                                      @DefaultValue("10s") Duration temporalReportInterval) {}
