import type { Principal } from '../../../core/auth/principal';

/** What every resolver gets: who is asking (null: no valid token; resolvers answer UNAUTHENTICATED). */
export interface GatewayContext {
  readonly principal: Principal | null;
}
