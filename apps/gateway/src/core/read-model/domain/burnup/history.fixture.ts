// Made-up launch histories for the burn-up and forecast specs: one launch, one QA checklist of four
// required items (and one optional), events placed on chosen days.
import type { EventEnvelope } from '@tminus/contracts';
import { envelopeFactory, type AnyEvent } from '../testing/envelope-factory';
import {
  checklistEvents,
  item,
  LAUNCH_ID,
  launchEvents,
  QA_CHECKLIST,
  QA_ID,
  teamEvents,
} from '../testing/events';

/** 2026-02-<day> at <hours>:00 UTC; the launch's target date is 2026-03-01T09:00Z. */
export const feb = (day: number, hours = 0): Date => new Date(Date.UTC(2026, 1, day, hours));

export interface MadeUpHistory {
  readonly events: EventEnvelope[];
  /** Appends an event of the QA checklist that happened at `on`. */
  readonly checklist: (event: AnyEvent, on: Date) => MadeUpHistory;
}

/** Created on Feb 1 at 10:00, QA required, its checklist opened at 11:00 with i-1..i-4 required + 1 optional. */
export const madeUpHistory = (): MadeUpHistory => {
  const envelope = envelopeFactory();
  const at = (date: Date) => ({ at: date.toISOString() });
  const events = [
    envelope(QA_ID, teamEvents.created(QA_ID, 'qa', 'QA'), at(feb(1, 9))),
    envelope(LAUNCH_ID, launchEvents.created(), at(feb(1, 10))),
    envelope(LAUNCH_ID, launchEvents.teamRequired(QA_ID), at(feb(1, 10))),
    envelope(
      QA_CHECKLIST,
      checklistEvents.opened(QA_CHECKLIST, QA_ID, [
        ...['i-1', 'i-2', 'i-3', 'i-4'].map((id) => item(id)),
        item('optional', { required: false }),
      ]),
      at(feb(1, 11)),
    ),
  ];
  const history: MadeUpHistory = {
    events,
    checklist: (event, on) => {
      events.push(envelope(QA_CHECKLIST, event, at(on)));
      return history;
    },
  };
  return history;
};

export const C = checklistEvents;
export { LAUNCH_ID, QA_CHECKLIST };
