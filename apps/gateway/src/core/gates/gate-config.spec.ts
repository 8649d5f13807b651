import { loadGateConfig } from './gate-config';

describe('loadGateConfig', () => {
  it('defaults to 10 s of lag, sampled every second; empty values count as unset', () => {
    expect(loadGateConfig({})).toEqual({ maxLagMs: 10_000, lagSampleMs: 1_000 });
    expect(loadGateConfig({ GATE_MAX_LAG_MS: '' })).toEqual({ maxLagMs: 10_000, lagSampleMs: 1_000 });
  });

  it('reads both settings', () => {
    expect(loadGateConfig({ GATE_MAX_LAG_MS: '2500', GATE_LAG_SAMPLE_MS: '250' })).toEqual({
      maxLagMs: 2_500,
      lagSampleMs: 250,
    });
  });

  it.each([
    [{ GATE_MAX_LAG_MS: 'soon' }, /GATE_MAX_LAG_MS must be a number/],
    [{ GATE_MAX_LAG_MS: '10' }, /at least 100/],
    [{ GATE_LAG_SAMPLE_MS: '1.5' }, /whole number/],
  ])('refuses %p', (env, message) => {
    expect(() => loadGateConfig(env)).toThrow(message);
  });
});
