import type { Logger } from 'pino';
import { CommandRejectedError } from '../../commands/command-outcome';
import type { GatewayChange } from '../../read-model/audit/audit-trail';
import type { LaunchView } from '../../read-model/domain';
import type { NormalizedAlert } from '../domain/normalized-alert';
import type { IncidentSourceMapping } from '../store/incident-source-mappings';
import { IncidentAlertMetrics } from './incident-alert-metrics';
import { incidentIdFor, IngestAlerts, mappingFor } from './ingest-alerts';

const mapping = (
  source: IncidentSourceMapping['source'],
  match: string,
  launchId: string,
): IncidentSourceMapping => ({
  id: `${source}-${match}`,
  source,
  match,
  launchId,
  createdAt: 'T',
  createdBy: 'mia',
});
const alert = (overrides: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  source: 'PAGERDUTY',
  externalId: 'Q1',
  status: 'triggered',
  severity: 'SEV1',
  title: 'Down',
  url: null,
  service: 'PSVC',
  labels: null,
  ...overrides,
});

describe('mapping an alert to its launch', () => {
  const mappings = [
    mapping('ALERTMANAGER', 'service="search"', 'l-search'),
    mapping('ALERTMANAGER', 'service="checkout",env!="staging"', 'l-checkout'),
    mapping('PAGERDUTY', 'PSVC', 'l-pd'),
  ];

  it('finds PagerDuty and generic services exactly', () => {
    expect(mappingFor(alert(), mappings)?.launchId).toBe('l-pd');
    expect(mappingFor(alert({ service: 'psvc' }), mappings)).toBeNull();
  });

  it('finds Alertmanager alerts by the first matcher their labels satisfy', () => {
    const am = (labels: Record<string, string>) => alert({ source: 'ALERTMANAGER', service: null, labels });
    expect(mappingFor(am({ service: 'checkout', env: 'prod' }), mappings)?.launchId).toBe('l-checkout');
    expect(mappingFor(am({ service: 'checkout', env: 'staging' }), mappings)).toBeNull();
    expect(mappingFor(am({ service: 'search' }), mappings)?.launchId).toBe('l-search');
  });
});

describe('IngestAlerts', () => {
  const launches: Record<string, Partial<LaunchView>> = {
    live: { id: 'live', status: 'HYPERCARE', incidents: [] },
    planned: { id: 'planned', status: 'PLANNING', incidents: [] },
  };
  const setup = (send: () => Promise<unknown> = async () => ({ kind: 'applied' })) => {
    const audited: GatewayChange[] = [];
    const sent: unknown[] = [];
    const ingest = new IngestAlerts({
      mappings: {
        list: async () => [mapping('PAGERDUTY', 'PSVC', 'live'), mapping('PAGERDUTY', 'PPLAN', 'planned')],
      },
      launches: { launch: async (id) => (launches[id] as LaunchView | undefined) ?? null },
      sender: {
        send: async (outgoing) => {
          sent.push(outgoing);
          return send() as never;
        },
      },
      audit: { record: async (change) => void audited.push(change) },
      metrics: new IncidentAlertMetrics(null),
      logger: { warn: jest.fn() } as unknown as Logger,
    });
    return { ingest, audited, sent };
  };

  it('sends RecordIncidentAlert for a mapped launch in hypercare, with a deterministic incident id', async () => {
    const { ingest, sent } = setup();
    expect(await ingest.ingest([alert()])).toEqual([
      { externalId: 'Q1', outcome: 'recorded', launchId: 'live', incidentId: incidentIdFor(alert(), 'live') },
    ]);
    expect(sent).toEqual([
      expect.objectContaining({
        service: 'launches',
        aggregateId: 'live',
        command: expect.objectContaining({ type: 'RecordIncidentAlert' }),
      }),
    ]);
  });

  it('answers and audits unmapped alerts and alerts for a launch not in hypercare, sending nothing', async () => {
    const { ingest, audited, sent } = setup();
    const results = await ingest.ingest([
      alert({ service: 'PNONE' }),
      alert({ service: 'PPLAN', externalId: 'Q2' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['unmapped', 'not_in_hypercare']);
    expect(sent).toEqual([]);
    expect(audited.map((a) => [a.type, a.subjectId])).toEqual([
      ['IncidentAlertIgnored', 'PAGERDUTY:Q1'],
      ['IncidentAlertIgnored', 'PAGERDUTY:Q2'],
    ]);
  });

  it('records a refusal of the launches service as ignored, with its code', async () => {
    const { ingest, audited } = setup(async () => {
      throw new CommandRejectedError('LAUNCH.CLOSED', 'closed', 'c');
    });
    expect(await ingest.ingest([alert()])).toEqual([
      expect.objectContaining({ outcome: 'rejected', code: 'LAUNCH.CLOSED' }),
    ]);
    expect(audited).toHaveLength(1);
  });
});
