import type { TeamView } from '../views';

/** How a team is named in messages: its name, else its id (its events may not have arrived yet). */
export const teamLabel = (teamId: string, team: TeamView | null): string => team?.name ?? teamId;

export const quoted = (title: string): string => `'${title}'`;
