import { createHmac, randomBytes } from 'node:crypto';
import { GraphqlClient } from '../../../apps/embedded/src/client/graphql-client';
import {
  alertmanagerNotification,
  fixture,
  pagerDutyDelivery,
} from '../../../apps/gateway/src/core/incidents/testing/fixtures';
import { SubscriptionRecorder } from '../support/subscription-recorder';
import { runTminus } from '../support/tminus-cli';
import type { StackEndpoints } from './launch-story';

/** The secrets the stack under test is started with (TMINUS_* variables of docs/on-call.md). */
export const ON_CALL_ENV = {
  TMINUS_PAGERDUTY_WEBHOOK_SECRET: 'pd-secret-for-the-story',
  TMINUS_ALERTMANAGER_TOKEN: 'am-token-for-the-story',
  TMINUS_INCIDENT_WEBHOOK_SECRET: 'generic-secret-for-the-story',
} as const;

interface IncidentView {
  id: string;
  severity: string;
  status: string;
  source: string | null;
  externalId: string | null;
  url: string | null;
  acknowledgedAt: string | null;
}
interface SupportView {
  status: string;
  incidents: IncidentView[];
}
interface AlertResult {
  externalId: string;
  outcome: string;
}
interface Answer {
  status: number;
  body: { status?: string; alerts?: AlertResult[]; error?: { code: string } };
}
interface ActivityEntry {
  launchActivity: { type: string; summary: string };
}

const hmac = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body).digest('hex');

/**
 * Incidents from on-call tools through the REST endpoints, watched through GraphQL: signatures good,
 * bad and rotated, a redelivery, a resolve before its trigger, a grouped Alertmanager notification of
 * three alerts, an unmapped service and a launch not in hypercare; support RED → AMBER → GREEN, and the
 * launch's activity subscription pushing each change.
 */
export const runOnCallStory = async (stack: StackEndpoints): Promise<void> => {
  const run = randomBytes(3).toString('hex');
  const base = stack.graphqlUrl.replace(/\/graphql$/, '');
  const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });

  const createLaunch = async (key: string): Promise<string> => {
    const { createLaunch: launch } = await admin.request<{ createLaunch: { id: string } }>(
      `mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }`,
      { input: { key, name: `On-call ${key}`, targetDate: '2031-01-01' } },
    );
    return launch.id;
  };
  const launchId = await createLaunch(`oncall-${run}`);
  const planningId = await createLaunch(`oncall-planned-${run}`);
  await admin.request(`mutation($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }`, {
    input: { launchId, decision: 'GO' },
  });
  const { markLaunched } = await admin.request<{ markLaunched: { support: { quietPeriodHours: number } } }>(
    `mutation($input: MarkLaunchedInput!) { markLaunched(input: $input) { support { quietPeriodHours } } }`,
    { input: { launchId, quietPeriodHours: 24 } },
  );
  expect(markLaunched.support.quietPeriodHours).toBe(24);

  const pdService = `PSVC${run.toUpperCase()}`;
  const amService = `checkout-${run}`;
  const map = (source: string, match: string, launch: string) =>
    admin.request(
      `mutation($input: MapIncidentSourceInput!) { mapIncidentSource(input: $input) { id launchKey } }`,
      { input: { source, match, launchId: launch } },
    );
  await map('PAGERDUTY', pdService, launchId);
  await map('ALERTMANAGER', `service="${amService}"`, launchId);
  await map('GENERIC', `planned-${run}`, planningId);
  const { incidentSources } = await admin.request<{ incidentSources: { match: string }[] }>(
    `{ incidentSources { id source match launchId launchKey createdBy } }`,
  );
  expect(incidentSources.map((m) => m.match)).toEqual(expect.arrayContaining([pdService, `planned-${run}`]));

  const activity = new SubscriptionRecorder<ActivityEntry>(stack.wsUrl, stack.adminToken).start(
    `subscription($id: ID!) { launchActivity(launchId: $id) { type summary } }`,
    { id: launchId },
  );
  const support = async (): Promise<SupportView> =>
    (
      await admin.request<{ launch: { support: SupportView } }>(
        `query($id: ID!) { launch(id: $id) { support { status incidents { id severity status source externalId url acknowledgedAt } } } }`,
        { id: launchId },
      )
    ).launch.support;
  const pagerDuty = (body: unknown, secrets: string[] = [ON_CALL_ENV.TMINUS_PAGERDUTY_WEBHOOK_SECRET]) => {
    const raw = JSON.stringify(body);
    const signature = secrets.map((secret) => `v1=${hmac(secret, raw)}`).join(',');
    return postRaw('pagerduty', raw, { 'x-pagerduty-signature': signature });
  };
  const postRaw = async (path: string, raw: string, extra: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${base}/v1/incidents/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...extra },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const alertmanager = (body: unknown, token: string = ON_CALL_ENV.TMINUS_ALERTMANAGER_TOKEN) =>
    postRaw('alertmanager', JSON.stringify(body), { authorization: `Bearer ${token}` });
  const generic = (body: unknown, secret: string = ON_CALL_ENV.TMINUS_INCIDENT_WEBHOOK_SECRET) => {
    const raw = JSON.stringify(body);
    return postRaw('generic', raw, { 'x-tminus-signature-256': `sha256=${hmac(secret, raw)}` });
  };

  // PagerDuty: a bad signature changes nothing; a good one reports a P1 as SEV1, support RED.
  const triggered = pagerDutyDelivery({
    incidentId: `Q1${run}`,
    eventType: 'incident.triggered',
    serviceId: pdService,
  });
  expect(await pagerDuty(triggered, ['not-the-secret'])).toMatchObject({
    status: 401,
    body: { error: { code: 'UNAUTHENTICATED' } },
  });
  expect((await support()).incidents).toEqual([]);
  expect(await pagerDuty(triggered)).toMatchObject({
    status: 202,
    body: { status: 'accepted', alerts: [{ externalId: `Q1${run}`, outcome: 'recorded' }] },
  });
  let now = await support();
  expect(now.status).toBe('RED');
  expect(now.incidents).toEqual([
    expect.objectContaining({
      severity: 'SEV1',
      status: 'OPEN',
      source: 'PAGERDUTY',
      externalId: `Q1${run}`,
      url: `https://acme.pagerduty.com/incidents/Q1${run}`,
    }),
  ]);

  // Its origin shows where people look: `tminus gate` (informational, it does not decide) and the report.
  const cliEnv = { TMINUS_URL: base, TMINUS_TOKEN: stack.adminToken };
  const gate = await runTminus(['gate', `oncall-${run}`, '--env', 'production'], cliEnv);
  expect([0, 1]).toContain(gate.code);
  expect(gate.stdout).toContain('Support RED: 1 open incident(s) (they do not decide the gate):');
  expect(gate.stdout).toMatch(
    new RegExp(`SEV1 +PAGERDUTY +Q1${run} +.+ https://acme\\.pagerduty\\.com/incidents/Q1${run}\n`),
  );
  const report = await runTminus(['report', `oncall-${run}`], cliEnv);
  expect(report.code).toBe(0);
  expect(report.stdout).toContain('## Open incidents');
  expect(report.stdout).toMatch(
    new RegExp(
      `\\| SEV1 \\| .+ \\| PAGERDUTY \\| Q1${run} \\| https://acme\\.pagerduty\\.com/incidents/Q1${run} \\|`,
    ),
  );

  // A redelivery changes nothing; an acknowledgement signed with the old and the new secret (rotation) counts.
  expect((await pagerDuty(triggered)).status).toBe(202);
  expect((await support()).incidents).toHaveLength(1);
  const acknowledged = pagerDutyDelivery({
    incidentId: `Q1${run}`,
    eventType: 'incident.acknowledged',
    serviceId: pdService,
  });
  expect(
    (await pagerDuty(acknowledged, ['rotated-out', ON_CALL_ENV.TMINUS_PAGERDUTY_WEBHOOK_SECRET])).status,
  ).toBe(202);
  expect((await support()).incidents[0].acknowledgedAt).not.toBeNull();

  // Resolved before triggered: the late trigger leaves it resolved.
  const early = (eventType: string) =>
    pagerDutyDelivery({ incidentId: `Q2${run}`, eventType, serviceId: pdService, priority: 'P2' });
  expect((await pagerDuty(early('incident.resolved'))).status).toBe(202);
  expect((await pagerDuty(early('incident.triggered'))).status).toBe(202);
  expect((await support()).incidents.find((i) => i.externalId === `Q2${run}`)).toMatchObject({
    status: 'RESOLVED',
    severity: 'SEV2',
  });

  // Alertmanager: a grouped notification of three alerts is three incidents, one per fingerprint.
  const firing = alertmanagerNotification({ service: amService, prefix: run });
  expect(await alertmanager(firing, 'wrong-token')).toMatchObject({ status: 401 });
  const grouped = await alertmanager(firing);
  expect(grouped.status).toBe(202);
  expect(grouped.body.alerts?.map((a) => a.outcome)).toEqual(['recorded', 'recorded', 'recorded']);
  now = await support();
  expect(
    now.incidents
      .filter((i) => i.source === 'ALERTMANAGER')
      .map((i) => i.severity)
      .sort(),
  ).toEqual(['SEV1', 'SEV3', 'SEV4']);

  // Support follows: RED while a SEV1 is open, AMBER once only SEV3/SEV4 are, GREEN when all are resolved.
  const resolvedPd = pagerDutyDelivery({
    incidentId: `Q1${run}`,
    eventType: 'incident.resolved',
    serviceId: pdService,
  });
  expect((await pagerDuty(resolvedPd)).status).toBe(202);
  expect((await support()).status).toBe('RED');
  const resolvedAm = alertmanagerNotification({ service: amService, prefix: run, status: 'resolved' });
  const [critical, ...others] = resolvedAm.alerts;
  expect((await alertmanager({ ...resolvedAm, alerts: [critical] })).status).toBe(202);
  expect((await support()).status).toBe('AMBER');
  expect((await alertmanager({ ...resolvedAm, alerts: others })).status).toBe(202);
  expect((await support()).status).toBe('GREEN');

  // The quiet period counts the SEV1 just resolved: closing is refused.
  const close = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
    body: JSON.stringify({
      query: `mutation($input: LaunchRefInput!) { closeLaunch(input: $input) { id } }`,
      variables: { input: { launchId } },
    }),
  });
  const closeBody = (await close.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(closeBody.errors?.[0]?.extensions?.code).toBe('LAUNCH.NOT_QUIET');

  // Never lost silently: an unmapped service and a launch not in hypercare are answered 202, ignored, audited.
  const unmapped = pagerDutyDelivery({
    incidentId: `Q3${run}`,
    eventType: 'incident.triggered',
    serviceId: 'PUNKNOWN',
  });
  expect(await pagerDuty(unmapped)).toMatchObject({
    status: 202,
    body: { alerts: [{ outcome: 'unmapped' }] },
  });
  const planned = { ...fixture('generic-alert.json'), service: `planned-${run}`, id: `g-${run}` };
  expect(await generic(planned, 'wrong')).toMatchObject({ status: 401 });
  expect(await generic(planned)).toMatchObject({
    status: 202,
    body: { alerts: [{ outcome: 'not_in_hypercare' }] },
  });
  const { auditLog } = await admin.request<{
    auditLog: { edges: { node: { type: string; summary: string } }[] };
  }>(`{ auditLog(first: 50) { edges { node { type summary } } } }`);
  const ignored = auditLog.edges.map((e) => e.node).filter((n) => n.type === 'IncidentAlertIgnored');
  expect(ignored.map((n) => n.summary)).toEqual(
    expect.arrayContaining([expect.stringContaining(`Q3${run}`), expect.stringContaining(`g-${run}`)]),
  );
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toMatch(/tminus_incident_alerts_total\{source="pagerduty",outcome="unmapped"\} [1-9]/);

  // The subscription pushed each change of the launch (IncidentReported, Acknowledged, Resolved).
  await activity.waitFor((received) => {
    const types = received.map((r) => r.launchActivity.type);
    return (
      // The first report may come before the subscription is up: four of the five at least.
      types.filter((t) => t === 'IncidentReported').length >= 4 &&
      types.includes('IncidentAcknowledged') &&
      types.filter((t) => t === 'IncidentResolved').length >= 5
    );
  });
  expect(activity.errors).toEqual([]);
  await activity.stop();
};
