import {
  ErrorCodes,
  type ChecklistTemplateEvent,
  type CreateChecklistTemplate,
  type TemplateItemSpec,
} from '@tminus/contracts';
import { reject } from '../../shared/reject';
import type { TemplateState } from '../state';
import { assertValidTemplate } from '../validation';

// Events carry explicit nulls and trimmed text, so every consumer sees one shape.
const normalizeItem = (item: TemplateItemSpec): TemplateItemSpec => ({
  title: item.title.trim(),
  description: item.description ?? null,
  required: item.required,
  dueDaysBeforeLaunch: item.dueDaysBeforeLaunch ?? null,
  ...(item.owner ? { owner: item.owner.trim() } : {}),
  // Only when named, so templates without checks (and their events) look as they always did.
  ...(item.check ? { check: item.check } : {}),
});

/** Version 1 on a fresh stream, otherwise the next version (a template is never edited in place). */
export const decideCreateChecklistTemplate = (
  command: CreateChecklistTemplate,
  state: TemplateState,
): ChecklistTemplateEvent[] => {
  assertValidTemplate(command.data);
  const { templateId, function: teamFunction } = command.data;
  const name = command.data.name.trim();
  const items = command.data.items.map(normalizeItem);
  if (!state.exists) {
    return [
      {
        type: 'ChecklistTemplateCreated',
        data: { templateId, function: teamFunction, name, version: 1, items },
      },
    ];
  }
  // One template per function: a different function on this stream means the caller mapped it wrongly.
  if (state.function !== teamFunction) {
    reject(
      ErrorCodes.TEMPLATE_INVALID,
      `Template ${templateId} belongs to function ${state.function}, not ${teamFunction}`,
    );
  }
  return [
    {
      type: 'ChecklistTemplateRevised',
      data: { templateId, function: teamFunction, name, version: state.version + 1, items },
    },
  ];
};
