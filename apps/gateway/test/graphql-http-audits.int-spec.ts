import { serverAudits } from 'graphql-http';
import { startTestGateway, type TestGateway } from './support/test-gateway';

// GraphQL over HTTP conformance (graphql-http's server audits) of the gateway's /graphql endpoint.
describe('GraphQL over HTTP audits', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('passes every required (MUST) audit', async () => {
    const audits = serverAudits({ url: `${t.gateway.url}/graphql` });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const failed = results.filter((result) => result.status === 'error');
    expect(failed.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
