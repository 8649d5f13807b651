import type { Principal } from '../../../core/auth/principal';
import type { StoredToken } from '../../../core/auth/token-store';
import type { ApiToken, Viewer } from './token.types';

export const toApiToken = (token: StoredToken): ApiToken => ({
  ...token,
  teamIds: token.teamIds && [...token.teamIds],
});

export const toViewer = (principal: Principal): Viewer => ({
  tokenId: principal.tokenId,
  tokenName: principal.tokenName,
  role: principal.role,
  userId: principal.userId,
  teamIds: principal.teamIds && [...principal.teamIds],
});
