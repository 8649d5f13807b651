import type { LaunchEvent } from '@tminus/contracts';
import type { Namer } from './history-labels';

const withNotes = (text: string, notes: string | null): string => (notes ? `${text}: ${notes}` : text);

const policySummary = (data: {
  requireReady: boolean;
  minReadinessPercent: number;
  requireGoDecision: boolean;
}) =>
  [
    data.requireReady ? 'ready required' : 'ready not required',
    `at least ${data.minReadinessPercent}% ready`,
    data.requireGoDecision ? 'GO decision required' : 'no GO decision required',
  ].join(', ');

export const summarizeLaunchEvent = (event: LaunchEvent, names: Namer): string => {
  switch (event.type) {
    case 'LaunchCreated':
      return `Launch '${event.data.name}' (${event.data.key}) created, target ${event.data.targetDate}`;
    case 'LaunchRescheduled':
      return `Rescheduled from ${event.data.previousTargetDate} to ${event.data.targetDate}`;
    case 'LaunchEdited':
      return `Details edited (name '${event.data.name}')`;
    case 'TeamRequired':
      return `${names.team(event.data.teamId)} required`;
    case 'TeamReleased':
      return `${names.team(event.data.teamId)} released`;
    case 'GoNoGoRecorded':
      return withNotes(`${event.data.decision} decision recorded by ${event.data.by}`, event.data.notes);
    case 'LaunchWentLive':
      return `Went live; hypercare for ${event.data.hypercareDays} days, until ${event.data.hypercareEndsAt}`;
    case 'HypercareExtended':
      return `Hypercare extended by ${event.data.days} days, until ${event.data.hypercareEndsAt}`;
    case 'IncidentReported': {
      const { severity, by, title, source, externalId } = event.data;
      const from = source ? ` from ${source} (${externalId ?? '?'})` : '';
      return `${severity} incident reported by ${by}${from}: ${title}`;
    }
    case 'IncidentAcknowledged':
      return `${names.incident(event.data.incidentId)} acknowledged by ${event.data.by}`;
    case 'IncidentSeverityChanged': {
      const { incidentId, previousSeverity, severity, by } = event.data;
      return `${names.incident(incidentId)} changed from ${previousSeverity} to ${severity} by ${by}`;
    }
    case 'HypercareOverrun':
      return `Hypercare ended but the launch stays open (${event.data.code}): ${event.data.reason}`;
    case 'IncidentResolved':
      return withNotes(
        `${names.incident(event.data.incidentId)} resolved by ${event.data.by}`,
        event.data.resolution,
      );
    case 'LaunchClosed':
      return 'Launch closed';
    case 'LaunchCancelled':
      return withNotes('Launch cancelled', event.data.reason);
    case 'GatePolicySet':
      return `Gate policy for ${event.data.environment}: ${policySummary(event.data)}`;
    case 'GateEvaluated': {
      const { environment, decision, reasons, evaluatedBy } = event.data;
      const why = reasons.length > 0 ? ` (${reasons.join(', ')})` : '';
      return `Gate for ${environment} ${decision}${why}, asked by ${evaluatedBy}`;
    }
  }
};
