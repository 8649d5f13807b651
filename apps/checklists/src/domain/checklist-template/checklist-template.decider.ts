import type { ChecklistTemplateCommand, ChecklistTemplateEvent, Decider } from '@tminus/contracts';
import { decideCreateChecklistTemplate } from './commands/create-checklist-template';
import { evolveTemplate } from './evolve';
import { initialTemplateState, type TemplateState } from './state';

export const checklistTemplateDecider: Decider<
  ChecklistTemplateCommand,
  ChecklistTemplateEvent,
  TemplateState
> = {
  initialState: initialTemplateState,
  // One command today; a switch keeps the shape of the other deciders when more arrive.
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateChecklistTemplate':
        return decideCreateChecklistTemplate(command, state);
    }
  },
  evolve: evolveTemplate,
};
