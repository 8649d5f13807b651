export { checklistTemplateDecider } from './checklist-template/checklist-template.decider';
export type { ExistingTemplate, NoTemplate, TemplateState } from './checklist-template/state';
export { MAX_TEMPLATE_ITEMS, MAX_TEMPLATE_NAME_LENGTH } from './checklist-template/validation';
export { checklistDecider } from './checklist/checklist.decider';
export { pendingWaiverExpiries, type PendingWaiverExpiry } from './checklist/pending-waiver-expiries';
export type {
  ChecklistItem,
  ChecklistState,
  ClosedChecklistState,
  ExistingChecklist,
  ItemStatus,
  NoChecklist,
  OpenChecklistState,
  SignOff,
} from './checklist/state';
export { computeDueDate, parseInstant } from './shared/instant';
export { MAX_DESCRIPTION_LENGTH, MAX_DUE_DAYS_BEFORE_LAUNCH, MAX_TITLE_LENGTH } from './shared/item-spec';
