import { GraphqlClient } from '../../../../apps/embedded/src/client/graphql-client';

export interface SeededLaunch {
  readonly launchId: string;
  readonly launchKey: string;
  readonly qaTeamKey: string;
  readonly qaChecklistId: string;
  /** A TEAM_MEMBER token of `lee`, a LEAD of QA. */
  readonly qaLeadToken: string;
  /** A TEAM_MEMBER token of `sam`, a LEAD of security (not of QA). */
  readonly otherTeamToken: string;
  /** A token that was revoked. */
  readonly revokedToken: string;
}

const days = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString();

/**
 * Two launches through the public API: `checkout-v2` needs QA, whose checklist has two required
 * items (one already ticked) and one optional; `search-revamp` needs nobody yet.
 */
export async function seedLaunches(url: string, adminToken: string): Promise<SeededLaunch> {
  const api = new GraphqlClient({ url: `${url}/graphql`, token: adminToken });
  const team = async (key: string, name: string, fn: string, lead: string) => {
    const { createTeam } = await api.request<{ createTeam: { id: string } }>(
      'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
      { i: { key, name, function: fn } },
    );
    await api.request('mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { id } }', {
      i: { teamId: createTeam.id, userId: lead, role: 'LEAD' },
    });
    return createTeam.id;
  };
  const token = async (name: string, userId: string, teamId: string) =>
    (
      await api.request<{ createApiToken: { id: string; token: string } }>(
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id token } }',
        { i: { name, role: 'TEAM_MEMBER', userId, teamIds: [teamId] } },
      )
    ).createApiToken;
  const qaId = await team('qa', 'Quality', 'QA', 'lee');
  const secId = await team('sec', 'Security', 'SECURITY', 'sam');
  await api.request(
    'mutation($i: CreateChecklistTemplateInput!) { createChecklistTemplate(input: $i) { id } }',
    {
      i: {
        function: 'QA',
        name: 'QA readiness',
        items: [
          { title: 'Smoke tests pass', required: true, dueDaysBeforeLaunch: 3 },
          { title: 'Load test at 2x peak', required: true, dueDaysBeforeLaunch: 2 },
          { title: 'Exploratory notes shared', required: false },
        ],
      },
    },
  );
  const { createLaunch } = await api.request<{ createLaunch: { id: string } }>(
    'mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }',
    { i: { key: 'checkout-v2', name: 'Checkout v2', targetDate: days(10) } },
  );
  await api.request('mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }', {
    i: { key: 'search-revamp', name: 'Search revamp', targetDate: days(30) },
  });
  const { requireTeam } = await api.request<{
    requireTeam: { teams: { checklist: { id: string; items: { id: string; title: string }[] } | null }[] };
  }>(
    'mutation($i: LaunchTeamInput!) { requireTeam(input: $i) { teams { checklist { id items { id title } } } } }',
    {
      i: { launchId: createLaunch.id, teamId: qaId },
    },
  );
  const checklist = requireTeam.teams[0]?.checklist;
  if (!checklist) throw new Error('the QA checklist did not open');
  const smoke = checklist.items.find(({ title }) => title === 'Smoke tests pass');
  await api.request('mutation($i: TickItemInput!) { tickItem(input: $i) { id } }', {
    i: { itemId: smoke?.id, evidenceUrl: 'https://ci.example.com/runs/42' },
  });
  const revoked = await token('revoked', 'lee', qaId);
  await api.request('mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { id } }', {
    i: { id: revoked.id },
  });
  return {
    launchId: createLaunch.id,
    launchKey: 'checkout-v2',
    qaTeamKey: 'qa',
    qaChecklistId: checklist.id,
    qaLeadToken: (await token('lee', 'lee', qaId)).token,
    otherTeamToken: (await token('sam', 'sam', secId)).token,
    revokedToken: revoked.token,
  };
}
