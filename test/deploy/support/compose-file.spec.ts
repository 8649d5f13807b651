import { composeEnvironment, dependsOn, healthcheckUrl, topicsCreatedBy } from './compose-file';

describe('compose helpers', () => {
  it('reads both environment forms; a bare name is passed through (null)', () => {
    expect(Object.fromEntries(composeEnvironment({ environment: ['A=1', 'B=x=y', 'C'] }))).toEqual({
      A: '1',
      B: 'x=y',
      C: null,
    });
    expect(Object.fromEntries(composeEnvironment({ environment: { PORT: 4000, TOKEN: null } }))).toEqual({
      PORT: '4000',
      TOKEN: null,
    });
  });

  it('treats a depends_on list as service_started', () => {
    expect(Object.fromEntries(dependsOn({ depends_on: ['db'] }))).toEqual({ db: 'service_started' });
  });

  it('reads topic creations and refuses a topic created twice', () => {
    const script = 'create --topic a.b --partitions 6\ncreate --topic a.b.dlq --partitions 1';
    expect(Object.fromEntries(topicsCreatedBy(script))).toEqual({ 'a.b': 6, 'a.b.dlq': 1 });
    expect(() => topicsCreatedBy(`${script}\ncreate --topic a.b --partitions 3`)).toThrow(
      'a.b is created twice',
    );
  });

  it('finds the URL a healthcheck fetches, with a port from the environment resolved', () => {
    const url = healthcheckUrl({
      healthcheck: { test: ['CMD', 'node', '-e', "fetch('http://127.0.0.1:4101/health')"] },
    });
    expect([url?.port, url?.pathname]).toEqual(['4101', '/health']);
    const spliced = ['CMD', 'node', '-e', "fetch('http://127.0.0.1:'+process.env.PORT+'/health')"];
    expect(healthcheckUrl({ environment: { PORT: '4103' }, healthcheck: { test: spliced } })?.href).toBe(
      'http://127.0.0.1:4103/health',
    );
    expect(healthcheckUrl({ healthcheck: { test: spliced } })).toBeNull();
  });
});
