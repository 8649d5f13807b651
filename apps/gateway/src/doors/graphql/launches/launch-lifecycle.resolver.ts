import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { newId } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { allSeen } from '../../../core/commands/all-seen';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { LaunchMutations } from './launch-commands';
import {
  CancelLaunchInput,
  CreateLaunchInput,
  EditLaunchInput,
  ExtendHypercareInput,
  LaunchRefInput,
  MarkLaunchedInput,
  RecordGoNoGoInput,
  RescheduleLaunchInput,
} from './launch.inputs';
import { Launch } from './launch.types';
import {
  cancelLaunchSchema,
  createLaunchSchema,
  editLaunchSchema,
  extendHypercareSchema,
  launchRefSchema,
  markLaunchedSchema,
  recordGoNoGoSchema,
  rescheduleLaunchSchema,
} from './launch.validation';

/** Creating a launch and moving it through its lifecycle: PLANNING → GO → HYPERCARE → CLOSED (or CANCELLED). */
@Resolver()
export class LaunchLifecycleResolver {
  constructor(@Inject(LaunchMutations) private readonly launches: LaunchMutations) {}

  @Mutation(() => Launch)
  async createLaunch(
    @Args('input', { type: () => CreateLaunchInput }) input: CreateLaunchInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'createLaunch');
    const data = validateInput(createLaunchSchema, input);
    const launchId = newId();
    return this.launches.run(principal, launchId, {
      type: 'CreateLaunch',
      data: {
        launchId,
        key: data.key,
        name: data.name,
        targetDate: data.targetDate,
        description: data.description ?? null,
        ownerUserId: data.owner ?? principal.userId,
      },
    });
  }

  @Mutation(() => Launch)
  async rescheduleLaunch(
    @Args('input', { type: () => RescheduleLaunchInput }) input: RescheduleLaunchInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'rescheduleLaunch');
    const data = validateInput(rescheduleLaunchSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    // Read-your-writes across streams: the answer waits for the checklists whose due dates move too.
    const moving = await this.launches.checklistsMovedBy(id, data.targetDate);
    return this.launches.run(
      principal,
      id,
      { type: 'RescheduleLaunch', data: { launchId: id, targetDate: data.targetDate } },
      moving.length > 0 ? allSeen('ChecklistDueDatesMoved', moving) : undefined,
    );
  }

  @Mutation(() => Launch)
  async editLaunch(
    @Args('input', { type: () => EditLaunchInput }) input: EditLaunchInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'editLaunch');
    const data = validateInput(editLaunchSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'EditLaunch',
      data: {
        launchId: id,
        ...(data.name != null && { name: data.name }),
        ...(data.description !== undefined && { description: data.description }),
        ...(data.owner !== undefined && { ownerUserId: data.owner }),
      },
    });
  }

  @Mutation(() => Launch)
  async recordGoNoGo(
    @Args('input', { type: () => RecordGoNoGoInput }) input: RecordGoNoGoInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'recordGoNoGo');
    const data = validateInput(recordGoNoGoSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'RecordGoNoGo',
      data: { launchId: id, decision: data.decision, notes: data.notes ?? null },
    });
  }

  @Mutation(() => Launch)
  async markLaunched(
    @Args('input', { type: () => MarkLaunchedInput }) input: MarkLaunchedInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'markLaunched');
    const data = validateInput(markLaunchedSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'MarkLaunched',
      data: {
        launchId: id,
        hypercareDays: data.hypercareDays ?? null,
        quietPeriodHours: data.quietPeriodHours ?? null,
      },
    });
  }

  @Mutation(() => Launch)
  async extendHypercare(
    @Args('input', { type: () => ExtendHypercareInput }) input: ExtendHypercareInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'extendHypercare');
    const data = validateInput(extendHypercareSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'ExtendHypercare',
      data: { launchId: id, days: data.days, quietPeriodHours: data.quietPeriodHours ?? null },
    });
  }

  @Mutation(() => Launch, { description: 'Ends hypercare and closes the launch.' })
  async closeLaunch(
    @Args('input', { type: () => LaunchRefInput }) input: LaunchRefInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'closeLaunch');
    const data = validateInput(launchRefSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, { type: 'CloseLaunch', data: { launchId: id } });
  }

  @Mutation(() => Launch)
  async cancelLaunch(
    @Args('input', { type: () => CancelLaunchInput }) input: CancelLaunchInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'cancelLaunch');
    const data = validateInput(cancelLaunchSchema, input);
    const { id } = await this.launches.existing(data.launchId);
    return this.launches.run(principal, id, {
      type: 'CancelLaunch',
      data: { launchId: id, reason: data.reason ?? null },
    });
  }
}
