import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { TokenService } from '../../../core/auth/token-service';
import { TokenStore } from '../../../core/auth/token-store';
import { notFound } from '../../../core/errors/gateway-error';
import { AuditTrail } from '../../../core/read-model/audit/audit-trail';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { CreateApiTokenInput, RevokeApiTokenInput } from './token.inputs';
import { tokenCreated, tokenRevoked } from './token-audit';
import { requireOwnTeams } from './token-teams';
import { toApiToken, toViewer } from './token.mapper';
import { ApiToken, CreatedApiToken, Viewer } from './token.types';
import { createApiTokenSchema, revokeApiTokenSchema } from './token.validation';

/** API tokens: created by admins, shown once, stored hashed. */
@Resolver()
export class TokensResolver {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(TokenStore) private readonly store: TokenStore,
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  @Query(() => Viewer, { description: 'The token this request is made with.' })
  viewer(@Context() ctx: GatewayContext): Viewer {
    return toViewer(authorize(ctx.principal, 'viewer'));
  }

  @Query(() => [ApiToken], { description: 'Every API token, revoked ones included.' })
  async apiTokens(@Context() ctx: GatewayContext): Promise<ApiToken[]> {
    authorize(ctx.principal, 'apiTokens');
    return (await this.store.list()).map(toApiToken);
  }

  @Mutation(() => CreatedApiToken, {
    description: 'Creates a token; the token itself is in the answer, and only there.',
  })
  async createApiToken(
    @Args('input', { type: () => CreateApiTokenInput }) input: CreateApiTokenInput,
    @Context() ctx: GatewayContext,
  ): Promise<CreatedApiToken> {
    const principal = authorize(ctx.principal, 'createApiToken');
    const data = validateInput(createApiTokenSchema, input);
    const teamIds = await requireOwnTeams(data.userId, data.teamIds, (ref) => this.queries.team(ref));
    const issued = await this.tokens.issue({ ...data, teamIds, createdBy: principal.userId });
    await this.audit.record(tokenCreated(principal, issued.token));
    return { id: issued.token.id, token: issued.secret, apiToken: toApiToken(issued.token) };
  }

  @Mutation(() => ApiToken)
  async revokeApiToken(
    @Args('input', { type: () => RevokeApiTokenInput }) input: RevokeApiTokenInput,
    @Context() ctx: GatewayContext,
  ): Promise<ApiToken> {
    const principal = authorize(ctx.principal, 'revokeApiToken');
    const { id } = validateInput(revokeApiTokenSchema, input);
    await this.tokens.revoke(id);
    await this.audit.record(tokenRevoked(principal, id));
    const token = await this.store.find(id);
    if (token === null) throw notFound(ErrorCodes.NOT_FOUND, `No API token with id "${id}"`);
    return toApiToken(token);
  }
}
