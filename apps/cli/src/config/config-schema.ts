import { z } from 'zod';
/*
 * The file `tminus apply` takes and `tminus export` prints. docs/schema/tminus-config.schema.json is
 * generated from this schema (a test keeps it in sync), so editors validate with the same rules.
 * The CLI ships alone, but bundles the dependency-free rule files of libs/contracts: a file `apply` accepts is one
 * the gateway and the deciders accept too.
 */
import {
  CHECK_NAME,
  ENVIRONMENT_PATTERN,
  INPUT_LIMITS,
  SLUG_PATTERN,
} from '../../../../libs/contracts/src/common/input-limits';
import { TEAM_FUNCTIONS } from '../../../../libs/contracts/src/teams/team-function';

const text = (max: number) => z.string().trim().min(1).max(max);
const key = () =>
  z.string().regex(SLUG_PATTERN).describe('A slug: 2-64 lower-case letters, digits or dashes');

const memberSchema = z.object({ userId: text(INPUT_LIMITS.id), role: z.enum(['LEAD', 'MEMBER']) }).strict();

const teamSchema = z
  .object({
    key: key(),
    name: text(INPUT_LIMITS.name),
    function: z.enum(TEAM_FUNCTIONS),
    members: z.array(memberSchema).max(500).optional(),
  })
  .strict();

const templateItemSchema = z
  .object({
    title: text(INPUT_LIMITS.name),
    description: z.string().max(INPUT_LIMITS.itemDescription).nullish(),
    required: z.boolean(),
    dueDaysBeforeLaunch: z.number().int().min(0).max(INPUT_LIMITS.dueDaysBeforeLaunch).nullish(),
    owner: text(INPUT_LIMITS.id).nullish(),
    check: z
      .string()
      .regex(CHECK_NAME)
      .nullish()
      .describe('The CI check whose results tick and reopen the item'),
  })
  .strict();

const templateSchema = z
  .object({
    function: z.enum(TEAM_FUNCTIONS),
    name: text(INPUT_LIMITS.name),
    items: z.array(templateItemSchema).max(INPUT_LIMITS.templateItems),
  })
  .strict();

const requiredTeamSchema = z
  .object({
    team: key(),
    signOffsRequired: z.number().int().min(1).max(INPUT_LIMITS.signOffsRequired).optional(),
  })
  .strict();

const gatePolicySchema = z
  .object({
    environment: z.string().regex(ENVIRONMENT_PATTERN),
    minReadinessPercent: z.number().int().min(0).max(100).optional(),
    requireGoDecision: z.boolean(),
    requireReady: z.boolean(),
  })
  .strict();

const launchSchema = z
  .object({
    key: key(),
    name: text(INPUT_LIMITS.name),
    targetDate: z.iso.datetime({ offset: true }).describe('ISO-8601, e.g. 2027-03-01T09:00:00Z'),
    description: z.string().max(INPUT_LIMITS.launchText).nullish(),
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
