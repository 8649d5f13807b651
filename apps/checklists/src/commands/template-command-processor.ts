import {
  CHECKLIST_TEMPLATE_COMMAND_TYPES,
  DomainError,
  ErrorCodes,
  templateIdFor,
  Topics,
  type ChecklistTemplateCommand,
  type ChecklistTemplateEvent,
} from '@tminus/contracts';
import { CommandProcessor, type CommandContext, type ServiceKit } from '@tminus/service-kit';
import { checklistTemplateDecider, type TemplateState } from '../domain';

/** One template per function: its stream id must be the one the function maps to. */
async function requireFunctionTemplateId({
  command,
}: CommandContext<ChecklistTemplateCommand, TemplateState>): Promise<void> {
  const expected = templateIdFor(command.data.function);
  if (command.data.templateId !== expected) {
    throw new DomainError(
      ErrorCodes.TEMPLATE_INVALID,
      `The template of ${command.data.function} has id ${expected}, not ${command.data.templateId}`,
    );
  }
}

export const templateCommandProcessor = (
  kit: ServiceKit,
): CommandProcessor<ChecklistTemplateCommand, ChecklistTemplateEvent, TemplateState> =>
  new CommandProcessor({
    service: 'checklists',
    decider: checklistTemplateDecider,
    commandTypes: CHECKLIST_TEMPLATE_COMMAND_TYPES,
    streamIdOf: (command) => command.data.templateId,
    eventsTopic: Topics.checklistsEvents,
    store: kit.store,
    relay: kit.relay,
    observer: kit.observer,
    prepare: requireFunctionTemplateId,
  });
