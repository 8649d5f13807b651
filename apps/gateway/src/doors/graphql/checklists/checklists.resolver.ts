import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { newId } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { ChecklistMutations } from './checklist-commands';
import {
  AddChecklistItemInput,
  AssignItemInput,
  BlockItemInput,
  ItemRefInput,
  RejectWaiverInput,
  SignOffChecklistInput,
  TickItemInput,
  WaiveItemInput,
} from './checklist.inputs';
import { Checklist, ChecklistItem } from './checklist.types';
import {
  addChecklistItemSchema,
  assignItemSchema,
  blockItemSchema,
  itemRefSchema,
  rejectWaiverSchema,
  signOffSchema,
  tickItemSchema,
  waiveItemSchema,
} from './checklist.validation';

/** Checklist work: items ticked, waived, blocked, added; checklists signed off by a team LEAD. */
@Resolver(() => Checklist)
export class ChecklistsResolver {
  constructor(@Inject(ChecklistMutations) private readonly checklists: ChecklistMutations) {}

  @Query(() => Checklist, { nullable: true })
  async checklist(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GatewayContext,
  ): Promise<Checklist | null> {
    authorize(ctx.principal, 'read');
    return this.checklists.findChecklist(id);
  }

  @Mutation(() => ChecklistItem)
  async addChecklistItem(
    @Args('input', { type: () => AddChecklistItemInput }) input: AddChecklistItemInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'addChecklistItem');
    const data = validateInput(addChecklistItemSchema, input);
    const itemId = newId();
    const command = {
      type: 'AddChecklistItem' as const,
      data: {
        checklistId: data.checklistId,
        itemId,
        title: data.title,
        description: data.description ?? null,
        required: data.required,
        dueDate: data.dueDate ?? null,
        dueDaysBeforeLaunch: data.dueDaysBeforeLaunch ?? null,
        check: data.check ?? null,
      },
    };
    return this.checklists.onChecklist(principal, 'addChecklistItem', data.checklistId, command, () =>
      this.checklists.item(itemId),
    );
  }

  @Mutation(() => ChecklistItem, { description: 'Gives the item an owner (a user id); null clears it.' })
  async assignItem(
    @Args('input', { type: () => AssignItemInput }) input: AssignItemInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'assignItem');
    const { itemId, owner } = validateInput(assignItemSchema, input);
    return this.checklists.onItem(principal, 'assignItem', itemId, (checklistId) => ({
      type: 'AssignItemOwner',
      data: { checklistId, itemId, ownerUserId: owner ?? null },
    }));
  }

  @Mutation(() => ChecklistItem)
  async tickItem(
    @Args('input', { type: () => TickItemInput }) input: TickItemInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'tickItem');
    const { itemId, evidenceUrl } = validateInput(tickItemSchema, input);
    return this.checklists.onItem(principal, 'tickItem', itemId, (checklistId) => ({
      type: 'TickItem',
      data: { checklistId, itemId, evidenceUrl: evidenceUrl ?? null },
    }));
  }

  @Mutation(() => ChecklistItem)
  async untickItem(
    @Args('input', { type: () => ItemRefInput }) input: ItemRefInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'untickItem');
    const { itemId } = validateInput(itemRefSchema, input);
    return this.checklists.onItem(principal, 'untickItem', itemId, (checklistId) => ({
      type: 'UntickItem',
      data: { checklistId, itemId },
    }));
  }

  @Mutation(() => ChecklistItem, {
    description: 'Requests a waiver: the item stays as it is until someone else approves it.',
  })
  async waiveItem(
    @Args('input', { type: () => WaiveItemInput }) input: WaiveItemInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'waiveItem');
    const { itemId, reason, expiresAt } = validateInput(waiveItemSchema, input);
    return this.checklists.onItem(principal, 'waiveItem', itemId, (checklistId) => ({
      type: 'WaiveItem',
      data: { checklistId, itemId, reason, expiresAt: expiresAt ?? null },
    }));
  }

  @Mutation(() => ChecklistItem, {
    description: 'Approves the waiver someone else requested: the item is WAIVED (LAUNCH_MANAGER or ADMIN).',
  })
  async approveWaiver(
    @Args('input', { type: () => ItemRefInput }) input: ItemRefInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'approveWaiver');
    const { itemId } = validateInput(itemRefSchema, input);
    return this.checklists.onItem(principal, 'approveWaiver', itemId, (checklistId) => ({
      type: 'ApproveWaiver',
      data: { checklistId, itemId },
    }));
  }

  @Mutation(() => ChecklistItem, { description: 'Drops a requested waiver, saying why.' })
  async rejectWaiver(
    @Args('input', { type: () => RejectWaiverInput }) input: RejectWaiverInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'rejectWaiver');
    const { itemId, reason } = validateInput(rejectWaiverSchema, input);
    return this.checklists.onItem(principal, 'rejectWaiver', itemId, (checklistId) => ({
      type: 'RejectWaiver',
      data: { checklistId, itemId, reason },
    }));
  }

  @Mutation(() => ChecklistItem)
  async revokeWaiver(
    @Args('input', { type: () => ItemRefInput }) input: ItemRefInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'revokeWaiver');
    const { itemId } = validateInput(itemRefSchema, input);
    return this.checklists.onItem(principal, 'revokeWaiver', itemId, (checklistId) => ({
      type: 'RevokeWaiver',
      data: { checklistId, itemId },
    }));
  }

  @Mutation(() => ChecklistItem)
  async blockItem(
    @Args('input', { type: () => BlockItemInput }) input: BlockItemInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'blockItem');
    const { itemId, reason } = validateInput(blockItemSchema, input);
    return this.checklists.onItem(principal, 'blockItem', itemId, (checklistId) => ({
      type: 'BlockItem',
      data: { checklistId, itemId, reason },
    }));
  }

  @Mutation(() => ChecklistItem)
  async unblockItem(
    @Args('input', { type: () => ItemRefInput }) input: ItemRefInput,
    @Context() ctx: GatewayContext,
  ): Promise<ChecklistItem> {
    const principal = authorize(ctx.principal, 'unblockItem');
    const { itemId } = validateInput(itemRefSchema, input);
    return this.checklists.onItem(principal, 'unblockItem', itemId, (checklistId) => ({
      type: 'UnblockItem',
      data: { checklistId, itemId },
    }));
  }

  @Mutation(() => Checklist, { description: 'Signs off the checklist for its team (a LEAD of that team).' })
  async signOffChecklist(
    @Args('input', { type: () => SignOffChecklistInput }) input: SignOffChecklistInput,
    @Context() ctx: GatewayContext,
  ): Promise<Checklist> {
    const principal = authorize(ctx.principal, 'signOffChecklist');
    const { checklistId } = validateInput(signOffSchema, input);
    return this.checklists.onChecklist(
      principal,
      'signOffChecklist',
      checklistId,
      { type: 'SignOffChecklist', data: { checklistId } },
      (id) => this.checklists.checklist(id),
    );
  }
}
