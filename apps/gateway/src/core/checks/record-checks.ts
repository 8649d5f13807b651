import { ErrorCodes, type ChecklistCommand } from '@tminus/contracts';
import { authorize } from '../auth/access-control';
import type { Principal } from '../auth/principal';
import type { CommandSender } from '../commands/command-sender';
import { notFound } from '../errors/gateway-error';
import type { ChecklistItemView, ChecklistView } from '../read-model/domain';
import type { LaunchSnapshot } from '../read-model/queries/launch-snapshot';
import type { CheckRequest } from './check-request';

/** One item the result was applied to, as it stands afterwards. */
export interface CheckedItem {
  readonly id: string;
  readonly title: string;
  readonly team: string | null;
  readonly required: boolean;
  readonly state: string;
  readonly evidenceUrl: string | null;
  /** Whether this report changed the item (false when it already said so: the same result twice). */
  readonly changed: boolean;
}

export interface CheckResponseBody {
  readonly launch: { readonly id: string; readonly key: string };
  readonly check: string;
  readonly status: CheckRequest['status'];
  readonly items: readonly CheckedItem[];
}

export interface RecordChecksDeps {
  readonly snapshot: (launch: string) => Promise<LaunchSnapshot | null>;
  readonly sender: Pick<CommandSender, 'send'>;
}

const withCheck = (checklist: ChecklistView, check: string): ChecklistItemView[] =>
  checklist.items.filter((item) => item.check === check);

/**
 * `POST /v1/checks`: the CI result goes to every open checklist of the launch holding an item with
 * that check, one `RecordCheckResult` each, acted by the token's name (what the items' history shows);
 * the answer is read after every outcome is visible (read-your-writes).
 */
export class RecordChecks {
  constructor(private readonly deps: RecordChecksDeps) {}

  async record(principal: Principal | null, request: CheckRequest): Promise<CheckResponseBody> {
    const caller = authorize(principal, 'recordCheckResult');
    const before = await this.launchOf(request.launch);
    const checklists = before.checklists.filter(
      (checklist) => checklist.status === 'OPEN' && withCheck(checklist, request.check).length > 0,
    );
    if (checklists.length === 0) {
      throw notFound(
        ErrorCodes.CHECK_NOT_FOUND,
        `No item of launch ${before.launch.key} has the check "${request.check}"`,
      );
    }
    const actor = { userId: caller.tokenName, role: caller.role };
    await Promise.all(
      checklists.map((checklist) =>
        this.deps.sender.send(
          { service: 'checklists', aggregateId: checklist.id, command: commandFor(checklist.id, request) },
          { actor },
        ),
      ),
    );
    const after = await this.launchOf(before.launch.id);
    return {
      launch: { id: after.launch.id, key: after.launch.key },
      check: request.check,
      status: request.status,
      items: touchedItems(before, after, request.check),
    };
  }

  private async launchOf(reference: string): Promise<LaunchSnapshot> {
    const snapshot = await this.deps.snapshot(reference);
    if (snapshot === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with key or id "${reference}"`);
    return snapshot;
  }
}

const commandFor = (checklistId: string, request: CheckRequest): ChecklistCommand => ({
  type: 'RecordCheckResult',
  data: { checklistId, check: request.check, status: request.status, url: request.url ?? null },
});

function touchedItems(before: LaunchSnapshot, after: LaunchSnapshot, check: string): CheckedItem[] {
  const earlier = new Map(
    before.checklists.flatMap((checklist) => checklist.items.map((item) => [item.id, item] as const)),
  );
  const teamKey = new Map(after.teams.map((team) => [team.id, team.key]));
  return after.checklists
    .filter((checklist) => checklist.status === 'OPEN')
    .flatMap((checklist) =>
      withCheck(checklist, check).map((item) => {
        const previous = earlier.get(item.id);
        return {
          id: item.id,
          title: item.title,
          team: teamKey.get(checklist.teamId) ?? null,
          required: item.required,
          state: item.state,
          evidenceUrl: item.evidenceUrl,
          changed:
            previous === undefined ||
            previous.state !== item.state ||
            previous.evidenceUrl !== item.evidenceUrl ||
            (previous.checkFailure ?? null)?.url !== (item.checkFailure ?? null)?.url,
        };
      }),
    );
}
