import {
  AggregatorRegistry,
  type MetricObjectWithValues,
  type MetricValue,
  type Registry,
} from 'prom-client';

type MetricJson = MetricObjectWithValues<MetricValue<string>>;

/**
 * The services' own metrics (`tminus_*`). Their process and Node.js defaults describe the same process as
 * the gateway's (counted once), and their `http_request_duration_seconds` is empty: in one process they
 * serve no HTTP.
 */
const isServiceOwn = (metric: MetricJson): boolean => metric.name.startsWith('tminus_');

/**
 * One Prometheus exposition for one process running several apps (embedded mode): the gateway's registry
 * plus the `tminus_*` metrics of the in-process services. `Registry.merge` refuses a name registered twice
 * (`tminus_consumer_lag` is in every registry), so the metrics are joined by name instead: with `sum` per
 * (name, labels), which keeps every series as it is, since series from different registries differ in
 * their labels (`service`, consumer `group`).
 */
export async function mergedMetrics(own: Registry, inProcess: readonly Registry[]): Promise<string> {
  const sources = [
    (await own.getMetricsAsJSON()) as MetricJson[],
    ...(
      await Promise.all(inProcess.map((registry) => registry.getMetricsAsJSON() as Promise<MetricJson[]>))
    ).map((metrics) => metrics.filter(isServiceOwn)),
  ];
  // Each registry's own aggregator is for a cluster of identical workers ('omit' drops a start time, …).
  const summed = sources.map((metrics) =>
    metrics.map((metric) => ({ ...metric, aggregator: 'sum' as const })),
  );
  return AggregatorRegistry.aggregate(summed).metrics();
}
