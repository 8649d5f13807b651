export const ROLES = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER', 'PIPELINE'] as const;
export type Role = (typeof ROLES)[number];

/** Who asked for a change. `system` is used by reactions and schedulers inside the services. */
export interface Actor {
  readonly userId: string;
  readonly role: Role | 'SYSTEM';
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'SYSTEM' };
