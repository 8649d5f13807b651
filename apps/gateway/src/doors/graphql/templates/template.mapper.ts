import type { TemplateView } from '../../../core/read-model/domain';
import type { ChecklistTemplate } from './template.types';

export const toChecklistTemplate = (view: TemplateView): ChecklistTemplate => ({
  id: view.id,
  function: view.function,
  name: view.name,
  version: view.version,
  items: view.items.map((item) => ({
    title: item.title,
    description: item.description ?? null,
    required: item.required,
    dueDaysBeforeLaunch: item.dueDaysBeforeLaunch ?? null,
    owner: item.owner ?? null,
    check: item.check ?? null,
  })),
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
});
