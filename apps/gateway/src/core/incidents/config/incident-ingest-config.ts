/** The secrets of the incident endpoints; null: that endpoint is not configured and answers 404. */
export interface IncidentIngestConfig {
  readonly pagerDutySecret: string | null;
  readonly alertmanagerToken: string | null;
  readonly genericSecret: string | null;
}

const secret = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
};

/** `TMINUS_PAGERDUTY_WEBHOOK_SECRET`, `TMINUS_ALERTMANAGER_TOKEN`, `TMINUS_INCIDENT_WEBHOOK_SECRET`. */
export const loadIncidentIngestConfig = (
  env: Readonly<Record<string, string | undefined>>,
): IncidentIngestConfig => ({
  pagerDutySecret: secret(env.TMINUS_PAGERDUTY_WEBHOOK_SECRET),
  alertmanagerToken: secret(env.TMINUS_ALERTMANAGER_TOKEN),
  genericSecret: secret(env.TMINUS_INCIDENT_WEBHOOK_SECRET),
});
