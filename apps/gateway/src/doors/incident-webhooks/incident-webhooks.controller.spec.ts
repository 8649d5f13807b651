import type { Logger } from 'pino';
import { pagerDutySignatureOf, tminusSignatureOf } from '../../core/incidents/domain/signatures';
import type { IncidentIngestConfig } from '../../core/incidents/config/incident-ingest-config';
import { IncidentAlertMetrics } from '../../core/incidents/ingest/incident-alert-metrics';
import type { AlertResult, IngestAlerts } from '../../core/incidents/ingest/ingest-alerts';
import { fixture } from '../../core/incidents/testing/fixtures';
import { IncidentIngestService } from './incident-ingest.service';
import { IncidentWebhooksController } from './incident-webhooks.controller';

const CONFIG: IncidentIngestConfig = { pagerDutySecret: 'pd', alertmanagerToken: 'am', genericSecret: 'gen' };
const logger = { warn: jest.fn() } as unknown as Logger;

/** The controller with its ingestion replaced by a recorder: what reaches it, and what is answered. */
function controller(config: IncidentIngestConfig = CONFIG) {
  const ingested: unknown[] = [];
  const alerts = {
    ingest: async (list: readonly { externalId: string }[]): Promise<AlertResult[]> => {
      ingested.push(...list);
      return list.map((a) => ({
        externalId: a.externalId,
        outcome: 'recorded',
        launchId: 'l',
        incidentId: 'i',
      }));
    },
  } as unknown as IngestAlerts;
  const service = new IncidentIngestService(config, alerts, new IncidentAlertMetrics(null));
  let status = 202;
  const response = {
    status(code: number) {
      status = code;
      return response;
    },
  };
  return { http: new IncidentWebhooksController(service, logger), ingested, response, status: () => status };
}
const raw = (body: unknown) => ({
  rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('POST /v1/incidents/*', () => {
  it('answers 404 on an endpoint whose secret is not set', async () => {
    const c = controller({ ...CONFIG, genericSecret: null });
    const body = raw(fixture('generic-alert.json'));
    expect(await c.http.generic(body, tminusSignatureOf('gen', body.rawBody), c.response)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(c.status()).toBe(404);
  });

  it('accepts a signed generic alert and refuses a bad signature before parsing', async () => {
    const c = controller();
    const body = raw(fixture('generic-alert.json'));
    expect(await c.http.generic(body, tminusSignatureOf('gen', body.rawBody), c.response)).toMatchObject({
      status: 'accepted',
      alerts: [{ externalId: 'deploy-incident-42', outcome: 'recorded' }],
    });
    expect(await c.http.generic(body, tminusSignatureOf('other', body.rawBody), c.response)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(c.status()).toBe(401);
    expect(c.ingested).toHaveLength(1);
  });

  it('accepts a PagerDuty delivery signed during a rotation, and acknowledges event types it ignores', async () => {
    const c = controller();
    const body = raw(fixture('pagerduty-incident-triggered.json'));
    const rotated = `${pagerDutySignatureOf('old', body.rawBody)},${pagerDutySignatureOf('pd', body.rawBody)}`;
    expect(await c.http.pagerduty(body, rotated, c.response)).toMatchObject({ status: 'accepted' });
    const annotated = raw({ event: { event_type: 'incident.annotated', data: { id: 'X' } } });
    expect(
      await c.http.pagerduty(annotated, pagerDutySignatureOf('pd', annotated.rawBody), c.response),
    ).toMatchObject({
      status: 'ignored',
    });
  });

  it('splits an Alertmanager notification authenticated by its bearer token', async () => {
    const c = controller();
    const body = raw(fixture('alertmanager-grouped-firing.json'));
    const answer = (await c.http.alertmanager(body, 'Bearer am', c.response)) as { alerts: unknown[] };
    expect(answer.alerts).toHaveLength(3);
    expect(await c.http.alertmanager(body, 'Bearer nope', c.response)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a body over 256 KiB for single-incident sources, and a body that is not a delivery', async () => {
    const c = controller();
    const big = raw({
      ...fixture<Record<string, unknown>>('generic-alert.json'),
      title: 'x'.repeat(300 * 1024),
    });
    expect(await c.http.generic(big, tminusSignatureOf('gen', big.rawBody), c.response)).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(c.status()).toBe(413);
    const junk = raw('not json');
    expect(await c.http.generic(junk, tminusSignatureOf('gen', junk.rawBody), c.response)).toMatchObject({
      error: { code: 'BAD_USER_INPUT' },
    });
    expect(c.status()).toBe(400);
  });

  it('refuses a request without a raw JSON body as unauthenticated', async () => {
    const c = controller();
    expect(await c.http.generic({}, 'sha256=00', c.response)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
