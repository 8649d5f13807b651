import type { IncidentAlertStatus, IncidentSource, Severity } from '@tminus/contracts';

/** One alert as every source is reduced to: what the launches service needs, plus how to map it. */
export interface NormalizedAlert {
  readonly source: IncidentSource;
  readonly externalId: string;
  readonly status: IncidentAlertStatus;
  readonly severity: Severity;
  readonly title: string;
  readonly url: string | null;
  /** PagerDuty service id or generic `service`: matched exactly against the mappings. */
  readonly service: string | null;
  /** Alertmanager labels: matched against the mappings' label matchers. */
  readonly labels: Readonly<Record<string, string>> | null;
}

/** What a payload parser answers: alerts to record, a delivery to acknowledge and ignore, or a bad body. */
export type ParsedDelivery =
  | { readonly kind: 'alerts'; readonly alerts: readonly NormalizedAlert[] }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly message: string };

export const MAX_EXTERNAL_ID_LENGTH = 200;
export const MAX_TITLE_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;

/** Titles come from other tools: too long is cut (never a reason to lose the alert), control characters go. */
export const titleOf = (...candidates: unknown[]): string => {
  const found = candidates.map(text).find((candidate) => candidate !== null) ?? 'Untitled alert';
  // eslint-disable-next-line no-control-regex
  const clean = found.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > MAX_TITLE_LENGTH ? `${clean.slice(0, MAX_TITLE_LENGTH - 1)}…` : clean;
};

/** Only http(s) links are kept (anything else could run script where the link is shown). */
export const linkOf = (value: unknown): string | null => {
  const candidate = text(value);
  if (candidate === null || candidate.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? candidate : null;
  } catch {
    return null;
  }
};

export const externalIdOf = (value: unknown): string | null => {
  const id = text(value);
  return id !== null && id.length <= MAX_EXTERNAL_ID_LENGTH ? id : null;
};
