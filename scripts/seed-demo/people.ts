import type { DemoApi } from './api';

/**
 * Acts as the demo's people (so the history reads "bob ticked …", not "admin ticked …"): a
 * TEAM_MEMBER token per person, made on first use and revoked when the seed is done.
 */
export class DemoPeople {
  private readonly tokens = new Map<string, { id: string; api: DemoApi }>();

  constructor(
    private readonly admin: DemoApi,
    private readonly teamIdsOf: (userId: string) => string[],
  ) {}

  async as(userId: string): Promise<DemoApi> {
    const known = this.tokens.get(userId);
    if (known) return known.api;
    const created = await this.admin.mutate<{ id: string; token: string }>(
      'createApiToken',
      { name: `seed-demo ${userId}`, role: 'TEAM_MEMBER', userId, teamIds: this.teamIdsOf(userId) },
      'id token',
    );
    const api = this.admin.as(created.token);
    this.tokens.set(userId, { id: created.id, api });
    return api;
  }

  /** The tokens were only for the seed: none stays valid. */
  async revokeAll(): Promise<void> {
    for (const { id } of this.tokens.values()) {
      await this.admin.mutate('revokeApiToken', { id }, 'id');
    }
    this.tokens.clear();
  }
}
