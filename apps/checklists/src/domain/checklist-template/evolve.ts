import type { ChecklistTemplateEvent } from '@tminus/contracts';
import type { TemplateState } from './state';

// A revision carries the whole template, so both events simply replace the state.
export const evolveTemplate = (_state: TemplateState, event: ChecklistTemplateEvent): TemplateState => {
  const { templateId, function: teamFunction, name, version, items } = event.data;
  return { exists: true, templateId, function: teamFunction, name, version, items };
};
