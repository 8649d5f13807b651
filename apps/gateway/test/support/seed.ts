import { checklistIdFor, newId } from '@tminus/contracts';
import { event } from './fake-services';
import type { GraphqlResponse, TestGateway } from './test-gateway';

export interface Seeded {
  readonly teamA: string;
  readonly teamB: string;
  readonly launchId: string;
  readonly launchKey: string;
  readonly checklistId: string;
  readonly itemId: string;
  readonly optionalItemId: string;
  readonly incidentId: string;
}

/**
 * A small world, published as the services would: teams A (lead-a LEAD, member-a MEMBER) and B
 * (member-b), a launch requiring team A, A's checklist with a required and an optional item, an incident.
 */
export async function seedWorld(t: TestGateway, launchKey = 'checkout-v2'): Promise<Seeded> {
  const teamA = newId();
  const teamB = newId();
  const launchId = newId();
  const checklistId = checklistIdFor(launchId, teamA);
  const itemId = newId();
  const optionalItemId = newId();
  const incidentId = newId();
  const targetDate = '2030-06-01T09:00:00.000Z';
  await t.services.emit('teams', [
    event(teamA, 'TeamCreated', {
      teamId: teamA,
      key: `qa-${teamA.slice(0, 8)}`,
      name: 'QA',
      function: 'QA',
    }),
    event(teamA, 'TeamMemberAdded', { teamId: teamA, userId: 'lead-a', role: 'LEAD' }),
    event(teamA, 'TeamMemberAdded', { teamId: teamA, userId: 'member-a', role: 'MEMBER' }),
    event(teamB, 'TeamCreated', {
      teamId: teamB,
      key: `sec-${teamB.slice(0, 8)}`,
      name: 'Security',
      function: 'SECURITY',
    }),
    event(teamB, 'TeamMemberAdded', { teamId: teamB, userId: 'member-b', role: 'LEAD' }),
  ]);
  await t.services.emit('launches', [
    event(launchId, 'LaunchCreated', {
      launchId,
      key: launchKey,
      name: 'Checkout v2',
      targetDate,
      description: null,
      ownerUserId: 'lm',
    }),
    event(launchId, 'TeamRequired', { launchId, teamId: teamA, targetDate }),
    event(launchId, 'IncidentReported', {
      launchId,
      incidentId,
      severity: 'SEV3',
      title: 'Slow checkout',
      by: 'lm',
      at: '2030-06-02T09:00:00.000Z',
    }),
  ]);
  const item = (id: string, title: string, required: boolean) => ({
    itemId: id,
    title,
    description: null,
    required,
    dueDate: null,
    dueDaysBeforeLaunch: null,
  });
  await t.services.emit('checklists', [
    event(checklistId, 'ChecklistOpened', {
      checklistId,
      launchId,
      teamId: teamA,
      teamFunction: 'QA',
      templateId: null,
      templateVersion: null,
      targetDate,
      items: [
        item(itemId, 'Regression suite green', true),
        item(optionalItemId, 'Exploratory session', false),
      ],
    }),
  ]);
  await t.bus.settled();
  return { teamA, teamB, launchId, launchKey, checklistId, itemId, optionalItemId, incidentId };
}

/** Creates a token through the API (as admin) and returns its secret and id. */
export async function createToken(
  t: {
    graphql: <Data>(query: string, variables?: Record<string, unknown>) => Promise<GraphqlResponse<Data>>;
  },
  input: { name: string; role: string; userId?: string; teamIds?: string[] },
): Promise<{ id: string; token: string }> {
  const result = await t.graphql<{ createApiToken: { id: string; token: string } }>(
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { id token } }',
    { input },
  );
  if (!result.data?.createApiToken)
    throw new Error(`could not create a token: ${JSON.stringify(result.errors)}`);
  return result.data.createApiToken;
}
