import type { TeamFunction, TeamRole } from '@tminus/contracts';

export interface NoTeam {
  readonly exists: false;
}

export interface ExistingTeam {
  readonly exists: true;
  readonly teamId: string;
  readonly key: string;
  readonly name: string;
  readonly function: TeamFunction;
  /** userId → role. A Map, not a record: user ids such as "constructor" must not hit Object.prototype. */
  readonly members: ReadonlyMap<string, TeamRole>;
}

export type TeamState = NoTeam | ExistingTeam;

export const initialState = (): TeamState => ({ exists: false });

export const leadsOf = (team: ExistingTeam): string[] =>
  [...team.members].filter(([, role]) => role === 'LEAD').map(([userId]) => userId);

export const isLead = (team: ExistingTeam, userId: string): boolean => team.members.get(userId) === 'LEAD';
