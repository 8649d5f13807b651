import { Injectable, Inject } from '@nestjs/common';
import { ErrorCodes, type ChecklistCommand } from '@tminus/contracts';
import { authorizeForTeam } from '../../../core/auth/access-control';
import type { Operation } from '../../../core/auth/access-policy';
import { actorOf, type Principal } from '../../../core/auth/principal';
import { CommandSender } from '../../../core/commands/command-sender';
import { notFound } from '../../../core/errors/gateway-error';
import type { ChecklistView } from '../../../core/read-model/domain';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { Clock } from '../../../core/clock';
import { toChecklist, toChecklistItem } from './checklist.mapper';
import type { Checklist, ChecklistItem } from './checklist.types';

/**
 * The checklist mutations' common path: find the checklist (directly or through an item), check that
 * a TEAM_MEMBER acts for their own team, send the command to the checklists service, wait for the
 * outcome, answer with the item or checklist as the read model now shows it.
 */
@Injectable()
export class ChecklistMutations {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(CommandSender) private readonly sender: CommandSender,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** A command on one item; answers with the item afterwards. */
  async onItem(
    principal: Principal,
    operation: Operation,
    itemId: string,
    command: (checklistId: string) => ChecklistCommand,
  ): Promise<ChecklistItem> {
    const location = await this.queries.itemLocation(itemId);
    if (location === null)
      throw notFound(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND, `No checklist item with id "${itemId}"`);
    await this.authorizeFor(principal, operation, location.checklist);
    await this.send(principal, location.checklist.id, command(location.checklist.id));
    return this.itemOf(location.checklist.id, itemId);
  }

  /** A command on a whole checklist; answers with what `answer` reads afterwards. */
  async onChecklist<Answer>(
    principal: Principal,
    operation: Operation,
    checklistId: string,
    command: ChecklistCommand,
    answer: (checklistId: string) => Promise<Answer>,
  ): Promise<Answer> {
    const checklist = await this.queries.checklist(checklistId);
    if (checklist === null)
      throw notFound(ErrorCodes.CHECKLIST_NOT_FOUND, `No checklist with id "${checklistId}"`);
    await this.authorizeFor(principal, operation, checklist);
    await this.send(principal, checklist.id, command);
    return answer(checklist.id);
  }

  async item(itemId: string): Promise<ChecklistItem> {
    const location = await this.queries.itemLocation(itemId);
    if (location === null)
      throw notFound(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND, `No checklist item with id "${itemId}"`);
    return toChecklistItem(location.item, location.checklist.id, this.clock.now());
  }

  /** The item as its checklist now shows it: the checklist is known, so no item → checklist lookup. */
  private async itemOf(checklistId: string, itemId: string): Promise<ChecklistItem> {
    const checklist = await this.queries.checklist(checklistId);
    const item = checklist?.items.find((candidate) => candidate.id === itemId);
    if (!checklist || !item) return this.item(itemId);
    return toChecklistItem(item, checklist.id, this.clock.now());
  }

  async checklist(checklistId: string): Promise<Checklist> {
    const checklist = await this.findChecklist(checklistId);
    if (checklist === null)
      throw notFound(ErrorCodes.CHECKLIST_NOT_FOUND, `No checklist with id "${checklistId}"`);
    return checklist;
  }

  async findChecklist(checklistId: string): Promise<Checklist | null> {
    const checklist = await this.queries.checklist(checklistId);
    if (checklist === null) return null;
    const team = await this.queries.team(checklist.teamId);
    return toChecklist(checklist, team, this.clock.now());
  }

  private async authorizeFor(
    principal: Principal,
    operation: Operation,
    checklist: ChecklistView,
  ): Promise<void> {
    if (principal.role !== 'TEAM_MEMBER') return;
    authorizeForTeam(principal, operation, checklist.teamId, await this.queries.team(checklist.teamId));
  }

  private async send(principal: Principal, checklistId: string, command: ChecklistCommand): Promise<void> {
    await this.sender.send(
      { service: 'checklists', aggregateId: checklistId, command },
      { actor: actorOf(principal) },
    );
  }
}
