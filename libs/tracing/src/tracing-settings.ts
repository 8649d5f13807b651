/**
 * Tracing is off unless the standard OpenTelemetry variables ask for it: an exporter named in
 * OTEL_TRACES_EXPORTER (`otlp`, `console`; `none` keeps it off) or an OTLP endpoint. OTEL_SDK_DISABLED=true
 * wins. Everything else (protocol, headers, sampler, batch delays) is read by the SDK itself.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (exporters.length > 0) return exporters.some((name) => name !== 'none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * The service name spans carry: OTEL_SERVICE_NAME, else derived from the entry file
 * (`…/apps/gateway/src/main.js` → `tminus-gateway`; the embedded process is plain `tminus`).
 */
export function serviceNameOf(env: NodeJS.ProcessEnv, entryFile: string | undefined): string {
  const configured = env.OTEL_SERVICE_NAME?.trim();
  if (configured) return configured;
  const app = /[\\/]apps[\\/]([a-z-]+)[\\/]/.exec(entryFile ?? '')?.[1];
  return app && app !== 'embedded' ? `tminus-${app}` : 'tminus';
}
