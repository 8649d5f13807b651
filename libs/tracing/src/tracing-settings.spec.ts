import { serviceNameOf, tracingRequested } from './tracing-settings';

describe('tracingRequested', () => {
  it('is off with none of the OTEL_* variables set', () => {
    expect(tracingRequested({})).toBe(false);
  });

  it('is on with an exporter named or an OTLP endpoint', () => {
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      true,
    );
  });

  it('stays off when the exporter is none or the SDK is disabled', () => {
    expect(
      tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }),
    ).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: ' ', OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
  });
});

describe('serviceNameOf', () => {
  it('takes OTEL_SERVICE_NAME first', () => {
    expect(serviceNameOf({ OTEL_SERVICE_NAME: 'checkout-gate' }, '/app/dist/apps/gateway/src/main.js')).toBe(
      'checkout-gate',
    );
  });

  it('names the app from its entry file, the embedded process plain tminus', () => {
    expect(serviceNameOf({}, '/app/dist/apps/checklists/src/main.js')).toBe('tminus-checklists');
    expect(serviceNameOf({}, '/repo/apps/gateway/src/main.ts')).toBe('tminus-gateway');
    expect(serviceNameOf({}, '/app/dist/apps/embedded/src/main.js')).toBe('tminus');
    expect(serviceNameOf({}, undefined)).toBe('tminus');
  });
});
