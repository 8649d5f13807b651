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
const isServiceOwn = (name: string): boolean => name.startsWith('tminus_');

/**
 * One Prometheus exposition for one process running several apps (embedded mode): the gateway's registry
 * plus the `tminus_*` metrics of the in-process services. `Registry.merge` refuses a name registered twice
 * (`tminus_consumer_lag` is in every registry), so the metrics are joined by name instead: with `sum` per
 * (name, labels), which keeps every series as it is, since series from different registries differ in
 * their labels (`service`, consumer `group`).
 */
export async function mergedMetrics(own: Registry, inProcess: readonly Registry[]): Promise<string> {
  const sources = [
    await valuesOf(own, () => true),
    ...(await Promise.all(inProcess.map((registry) => valuesOf(registry, isServiceOwn)))),
  ];
  return AggregatorRegistry.aggregate(sources).metrics();
}

/**
 * The chosen metrics' values. Only those are collected (a registry's Node.js defaults cost a scrape each),
 * and each registry's own aggregator, meant for a cluster of identical workers ('omit' drops a start time),
 * is replaced by `sum`.
 */
const valuesOf = async (registry: Registry, keep: (name: string) => boolean): Promise<MetricJson[]> =>
  Promise.all(
    registry
      .getMetricsAsArray()
      .flatMap(({ name }) => {
        const metric = keep(name) ? registry.getSingleMetric(name) : undefined;
        return metric ? [metric] : [];
      })
      .map(async (metric) => ({ ...((await metric.get()) as MetricJson), aggregator: 'sum' as const })),
  );
