export const TEAM_FUNCTIONS = [
  'ENGINEERING',
  'QA',
  'SECURITY',
  'DOCS',
  'MARKETING',
  'SALES',
  'SUPPORT',
  'LEGAL',
  'OPERATIONS',
  'OTHER',
] as const;
export type TeamFunction = (typeof TEAM_FUNCTIONS)[number];

export const TEAM_ROLES = ['LEAD', 'MEMBER'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
