import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphqlClient } from '../../../apps/embedded/src/client/graphql-client';
import { runTminus } from '../support/tminus-cli';
import type { StackEndpoints } from './launch-story';

/**
 * Configuration as code through the `tminus` binary (teams, templates, launches, incident sources): a file planned (dry run changes nothing), applied,
 * applied again (`no changes`), exported and applied back (`no changes`), edited (update), and a broken
 * file refused with its line, changing nothing.
 */
export async function runConfigAsCodeStory(stack: StackEndpoints): Promise<void> {
  const admin = new GraphqlClient({ url: stack.graphqlUrl, token: stack.adminToken });
  const env = { TMINUS_URL: stack.graphqlUrl.replace(/\/graphql$/, ''), TMINUS_TOKEN: stack.adminToken };
  const run = randomBytes(3).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'tminus-config-'));
  const file = (name: string) => join(dir, name);
  const team = `sec-${run}`;
  const launch = `vault-${run}`;
  const pagerDutyService = `PV${run.toUpperCase()}`;
  const config = `teams:
  - { key: ${team}, name: Security ${run}, function: SECURITY, members: [{ userId: ana-${run}, role: LEAD }, { userId: bo-${run}, role: MEMBER }] }
templates:
  - function: SECURITY
    name: Security review
    items: [{ title: Pen test, required: true, dueDaysBeforeLaunch: 7, check: pentest }, { title: Threat model, required: false }]
launches:
  - key: ${launch}
    name: Vault
    targetDate: 2031-03-01T09:00:00Z
    requiredTeams: [{ team: ${team}, signOffsRequired: 1 }]
    gatePolicies: [{ environment: staging, requireGoDecision: false, requireReady: true }]
incidentSources:
  - { source: PAGERDUTY, match: ${pagerDutyService}, launch: ${launch} }
  - { source: ALERTMANAGER, match: 'service="vault-${run}"', launch: ${launch} }
`;
  try {
    await writeFile(file('tminus.yaml'), config);
    const dry = await runTminus(['apply', '-f', file('tminus.yaml'), '--dry-run'], env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain(
      `team ${team}: create (add member ana-${run} (LEAD); add member bo-${run} (MEMBER))`,
    );
    expect(dry.stdout).toContain(`launch ${launch}: create (require team ${team}; gate policy staging)`);
    expect(dry.stdout).toContain(`incident source PAGERDUTY ${pagerDutyService}: create`);
    expect(dry.stdout).toContain(`incident source ALERTMANAGER service="vault-${run}": create`);
    expect(dry.stdout).toContain('dry run: nothing was changed');
    expect(await admin.request<{ launch: unknown }>(`query { launch(key: "${launch}") { id } }`)).toEqual({
      launch: null,
    });

    const applied = await runTminus(['apply', '-f', file('tminus.yaml')], env);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toMatch(/applied \d+ change\(s\)/);
    const { launch: created } = await admin.request<{
      launch: {
        name: string;
        teams: { team: { key: string } }[];
        gatePolicies: { environment: string; isDefault: boolean }[];
      };
    }>(
      `query { launch(key: "${launch}") { name teams { team { key } } gatePolicies { environment isDefault } } }`,
    );
    expect(created.teams.map((t) => t.team.key)).toEqual([team]);
    expect(created.gatePolicies).toContainEqual({ environment: 'staging', isDefault: false });
    const { incidentSources } = await admin.request<{
      incidentSources: { source: string; match: string; launchKey: string }[];
    }>(`query { incidentSources { source match launchKey } }`);
    expect(incidentSources).toEqual(
      expect.arrayContaining([
        { source: 'PAGERDUTY', match: pagerDutyService, launchKey: launch },
        { source: 'ALERTMANAGER', match: `service="vault-${run}"`, launchKey: launch },
      ]),
    );

    const again = await runTminus(['apply', '-f', file('tminus.yaml')], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/no changes\n$/);

    // export → apply is `no changes`, for one launch and for everything.
    const one = await runTminus(['export', '--launch', launch], env);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`key: ${launch}`);
    expect(one.stdout).toContain('check: pentest');
    expect(one.stdout).toContain(`match: ${pagerDutyService}`);
    await writeFile(file('one.yaml'), one.stdout);
    expect((await runTminus(['apply', '-f', file('one.yaml')], env)).stdout).toMatch(/no changes\n$/);
    const all = await runTminus(['export'], env);
    await writeFile(file('all.yaml'), all.stdout);
    const back = await runTminus(['apply', '-f', file('all.yaml')], env);
    expect(back).toMatchObject({ code: 0, stderr: '' });
    expect(back.stdout).toMatch(/no changes\n$/);

    // An edit is an update of that object only.
    await writeFile(file('edited.yaml'), config.replace('name: Vault', 'name: Vault 2'));
    const edited = await runTminus(['apply', '-f', file('edited.yaml')], env);
    expect(edited.stdout).toContain(`launch ${launch}: update (name)`);
    expect(edited.stdout).toContain(`team ${team}: unchanged`);
    expect(edited.stdout).toContain(`incident source PAGERDUTY ${pagerDutyService}: unchanged`);

    // A broken file names the line and changes nothing.
    await writeFile(
      file('broken.yaml'),
      config.replace('name: Vault', 'name: Vault 3').replace('function: SECURITY,', 'function: SECRET,'),
    );
    const broken = await runTminus(['apply', '-f', file('broken.yaml')], env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/line 2:\d+, teams\[0\]\.function/);
    const { launch: after } = await admin.request<{ launch: { name: string } }>(
      `query { launch(key: "${launch}") { name } }`,
    );
    expect(after.name).toBe('Vault 2');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
