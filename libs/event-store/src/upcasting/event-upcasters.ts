import type { EventEnvelope } from '@tminus/contracts';
import { UpcasterRegistry } from './upcaster-registry';

type Fields = Record<string, unknown>;
const fields = (data: unknown): Fields => (typeof data === 'object' && data !== null ? (data as Fields) : {});

/**
 * ChecklistItemWaived v1 → v2: before waivers were requested and approved separately, a waiver took
 * effect at once, so an old event is an approved waiver its approver also asked for.
 */
const waivedRequestedByApprover = (data: unknown): unknown => {
  const waived = fields(data);
  return { ...waived, requestedBy: waived.requestedBy ?? waived.approvedBy };
};

/** TeamRequired, ChecklistOpened, ChecklistReopened v1 → v2: before N-of-M sign-off, one lead signed. */
const oneSignOffRequired = (data: unknown): unknown => ({ signOffsRequired: 1, ...fields(data) });

/** LaunchWentLive v1 → v2: before hypercare exit criteria, no quiet period. */
export const noQuietPeriod = (data: unknown): unknown => ({ quietPeriodHours: 0, ...fields(data) });

/** HypercareExtended v1 → v2: the extension did not touch the quiet period (null keeps it). */
export const quietPeriodUnchanged = (data: unknown): unknown => ({ quietPeriodHours: null, ...fields(data) });

/** IncidentReported v1 → v2: before on-call tools fed incidents, every incident was reported by hand. */
export const reportedByHand = (data: unknown): unknown => ({
  source: null,
  externalId: null,
  url: null,
  ...fields(data),
});

/**
 * Every upcaster of tminus's own events: the registry the event stores use by default and the
 * gateway applies to the envelopes it receives and replays. Old events stay as they were written.
 */
export const eventUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry()
    .register('ChecklistItemWaived', 1, waivedRequestedByApprover)
    .register('TeamRequired', 1, oneSignOffRequired)
    .register('ChecklistOpened', 1, oneSignOffRequired)
    .register('ChecklistReopened', 1, oneSignOffRequired)
    .register('LaunchWentLive', 1, noQuietPeriod)
    .register('HypercareExtended', 1, quietPeriodUnchanged)
    .register('IncidentReported', 1, reportedByHand);

const DEFAULT_UPCASTERS = eventUpcasters();

/** The envelope at its type's current schema version (for readers fed by Kafka or their own log). */
export const upcastEnvelope = <Envelope extends EventEnvelope>(
  envelope: Envelope,
  upcasters: UpcasterRegistry = DEFAULT_UPCASTERS,
): Envelope => {
  if (envelope.schemaVersion >= upcasters.currentVersion(envelope.type)) return envelope;
  const { schemaVersion, data } = upcasters.upcast(envelope.type, envelope.schemaVersion, envelope.data);
  return { ...envelope, schemaVersion, data };
};
