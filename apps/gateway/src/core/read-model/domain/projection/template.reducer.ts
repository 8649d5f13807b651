import type { EventEnvelope } from '@tminus/contracts';
import type { TemplateView } from '../views';
import { asTemplateEvent } from './event-kinds';

/**
 * The template document after one envelope. A revision carries the whole template, so both event
 * types replace the document; only its creation time is kept.
 */
export const applyTemplateEvent = (
  view: TemplateView | null,
  envelope: EventEnvelope,
): TemplateView | null => {
  const event = asTemplateEvent(envelope);
  if (event === null) return view;
  if (view !== null && envelope.streamPosition <= view.streamVersion) return view;
  const { templateId, function: teamFunction, name, version, items } = event.data;
  return {
    id: templateId,
    function: teamFunction,
    name,
    version,
    items: items.map((item) => ({ ...item })),
    createdAt: view?.createdAt ?? envelope.occurredAt,
    updatedAt: envelope.occurredAt,
    streamVersion: envelope.streamPosition,
  };
};
