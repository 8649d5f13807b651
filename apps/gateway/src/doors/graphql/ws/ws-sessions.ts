import type { Principal } from '../../../core/auth/principal';

/** graphql-ws's close code for a refused or withdrawn authorization (its own "Forbidden"). */
export const WS_CLOSE_FORBIDDEN = 4403;

/** The part of a `ws` socket the sessions use. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * The open graphql-ws connections of this instance and the token each authenticated with, so a
 * revoked or expired token's connections can be closed, subscriptions and all.
 */
export class WsSessions {
  private readonly open = new Map<ClosableSocket, Principal>();

  get size(): number {
    return this.open.size;
  }

  add(socket: ClosableSocket, principal: Principal): void {
    this.open.set(socket, principal);
  }

  remove(socket: ClosableSocket): void {
    this.open.delete(socket);
  }

  /** Closes every connection of the token (4403); returns how many. */
  closeToken(tokenId: string, reason = 'Forbidden: the token was revoked'): number {
    let closed = 0;
    for (const [socket, principal] of this.open) {
      if (principal.tokenId !== tokenId) continue;
      this.close(socket, reason);
      closed++;
    }
    return closed;
  }

  /** Closes the connections whose token `isValid` refuses now (revoked elsewhere, or expired). */
  async closeInvalid(isValid: (principal: Principal) => Promise<boolean>): Promise<number> {
    const verdicts = new Map<string, Promise<boolean>>();
    let closed = 0;
    for (const [socket, principal] of [...this.open]) {
      let verdict = verdicts.get(principal.tokenId);
      if (!verdict) verdicts.set(principal.tokenId, (verdict = isValid(principal)));
      if (await verdict) continue;
      this.close(socket, 'Forbidden: the token was revoked or has expired');
      closed++;
    }
    return closed;
  }

  private close(socket: ClosableSocket, reason: string): void {
    this.open.delete(socket);
    socket.close(WS_CLOSE_FORBIDDEN, reason);
  }
}
