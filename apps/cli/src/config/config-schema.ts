import { z } from 'zod';

/*
 * The file `tminus apply` takes and `tminus export` prints. docs/schema/tminus-config.schema.json is
 * generated from this schema (a test keeps it in sync), so editors validate with the same rules.
 * The CLI ships alone: the enums and patterns are repeated here, not imported from libs/contracts.
 */
const TEAM_FUNCTIONS = [
  'ENGINEERING',
  'QA',
  'SECURITY',
  'DOCS',
  'MARKETING',
  'SALES',
  'SUPPORT',
  'LEGAL',
  'OPERATIONS',
  'OTHER',
] as const;
const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;
const CHECK = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const ENVIRONMENT = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const key = () => z.string().regex(SLUG).describe('A slug: 2-64 lower-case letters, digits or dashes');

const memberSchema = z.object({ userId: text(200), role: z.enum(['LEAD', 'MEMBER']) }).strict();

const teamSchema = z
  .object({
    key: key(),
    name: text(200),
    function: z.enum(TEAM_FUNCTIONS),
    members: z.array(memberSchema).max(500).optional(),
  })
  .strict();

const templateItemSchema = z
  .object({
    title: text(200),
    description: z.string().max(2000).nullish(),
    required: z.boolean(),
    dueDaysBeforeLaunch: z.number().int().min(0).max(365).nullish(),
    owner: text(200).nullish(),
    check: z.string().regex(CHECK).nullish().describe('The CI check whose results tick and reopen the item'),
  })
  .strict();

const templateSchema = z
  .object({
    function: z.enum(TEAM_FUNCTIONS),
    name: text(200),
    items: z.array(templateItemSchema).max(200),
  })
  .strict();

const requiredTeamSchema = z
  .object({ team: key(), signOffsRequired: z.number().int().min(1).max(20).optional() })
  .strict();

const gatePolicySchema = z
  .object({
    environment: z.string().regex(ENVIRONMENT),
    minReadinessPercent: z.number().int().min(0).max(100).optional(),
    requireGoDecision: z.boolean(),
    requireReady: z.boolean(),
  })
  .strict();

const launchSchema = z
  .object({
    key: key(),
    name: text(200),
    targetDate: z.iso.datetime({ offset: true }).describe('ISO-8601, e.g. 2027-03-01T09:00:00Z'),
    description: z.string().max(5000).nullish(),
    requiredTeams: z.array(requiredTeamSchema).max(50).optional(),
    gatePolicies: z.array(gatePolicySchema).max(50).optional(),
  })
  .strict();

const INCIDENT_SOURCES = ['PAGERDUTY', 'ALERTMANAGER', 'GENERIC'] as const;

const incidentSourceSchema = z
  .object({
    source: z.enum(INCIDENT_SOURCES),
    match: text(500).describe(
      'PagerDuty service id, Alertmanager label matcher such as service="checkout", or the generic service',
    ),
    launch: key().describe('The key of the launch whose hypercare the incidents feed'),
  })
  .strict();

export const configSchema = z
  .object({
    teams: z.array(teamSchema).max(1000).optional(),
    templates: z.array(templateSchema).max(20).optional(),
    launches: z.array(launchSchema).max(1000).optional(),
    incidentSources: z.array(incidentSourceSchema).max(1000).optional(),
  })
  .strict()
  .describe('tminus configuration as code: `tminus apply -f <file>`, `tminus export`');

export type Config = z.infer<typeof configSchema>;
export type TeamConfig = z.infer<typeof teamSchema>;
export type TemplateConfig = z.infer<typeof templateSchema>;
export type TemplateItemConfig = z.infer<typeof templateItemSchema>;
export type LaunchConfig = z.infer<typeof launchSchema>;
export type GatePolicyConfig = z.infer<typeof gatePolicySchema>;
export type IncidentSourceConfig = z.infer<typeof incidentSourceSchema>;

/** The JSON Schema committed as docs/schema/tminus-config.schema.json. */
export const configJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }),
  $id: 'https://tminus.dev/schema/tminus-config.schema.json',
  title: 'tminus configuration',
});
