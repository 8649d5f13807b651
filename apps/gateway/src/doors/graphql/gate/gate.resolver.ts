import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { notFound } from '../../../core/errors/gateway-error';
import { GateEvaluator } from '../../../core/read-model/queries/gate-evaluator';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { LaunchMutations } from '../launches/launch-commands';
import { Launch } from '../launches/launch.types';
import { SetGatePolicyInput } from './gate.inputs';
import { toGateDecision } from './gate.mapper';
import { GateDecision } from './gate.types';
import { gateArgsSchema, setGatePolicySchema } from './gate.validation';

/** The release gate: evaluated on demand (recording nothing), configured per launch and environment. */
@Resolver()
export class GateResolver {
  constructor(
    @Inject(GateEvaluator) private readonly gates: GateEvaluator,
    @Inject(LaunchMutations) private readonly launches: LaunchMutations,
  ) {}

  @Query(() => GateDecision, {
    description: 'May this launch (id or key) go to this environment now? Evaluates and records nothing.',
  })
  async gate(
    @Args('launch') launch: string,
    @Args('environment') environment: string,
    @Context() ctx: GatewayContext,
  ): Promise<GateDecision> {
    authorize(ctx.principal, 'gate');
    const args = validateInput(gateArgsSchema, { launch, environment }, 'args');
    const evaluation = await this.gates.evaluate(args.launch, args.environment);
    if (evaluation === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${args.launch}"`);
    return toGateDecision(evaluation);
  }

  @Mutation(() => Launch)
  async setGatePolicy(
    @Args('input', { type: () => SetGatePolicyInput }) input: SetGatePolicyInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'setGatePolicy');
    const data = validateInput(setGatePolicySchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'SetGatePolicy',
      data: {
        launchId: id,
        environment: data.environment,
        requireReady: data.requireReady,
        minReadinessPercent: data.minReadinessPercent,
        requireGoDecision: data.requireGoDecision,
      },
    });
  }
}
