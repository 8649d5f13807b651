import { templateIdFor, type ChecklistTemplateEvent, type TeamFunction } from '@tminus/contracts';
import type { StoreTransaction } from '@tminus/event-store';
import { checklistTemplateDecider, type ExistingTemplate } from '../domain';

/** The current version of a function's template, straight from its stream (this service owns it). */
export async function currentTemplate(
  tx: Pick<StoreTransaction, 'readStream'>,
  teamFunction: TeamFunction,
): Promise<ExistingTemplate | null> {
  const events = await tx.readStream(templateIdFor(teamFunction));
  const state = events.reduce(
    (template, event) =>
      checklistTemplateDecider.evolve(template, event as unknown as ChecklistTemplateEvent),
    checklistTemplateDecider.initialState(),
  );
  return state.exists ? state : null;
}
