import { z } from 'zod';

/**
 * The body of `GET /v1/gates/:launch` (200 ALLOWED and 412 DENIED alike), as far as the CLI reads it.
 * Validated, so a proxy's HTML error page or another service on the port is reported as such rather
 * than printed as a decision. Unknown fields are kept for `--json`, which prints the body as received.
 */
/** A reason has the fields of the GraphQL `Blocker`: team is the team's key, item the item's title. */
const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  team: z.string().nullable(),
  teamId: z.string().nullable().optional(),
  item: z.string().nullable(),
  itemId: z.string().nullable().optional(),
});

/** An open incident of the launch, with where it comes from (source null: reported by hand). */
const incidentSchema = z.object({
  severity: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
});

export const gateBodySchema = z.object({
  decision: z.enum(['ALLOWED', 'DENIED']),
  reasons: z.array(reasonSchema),
  readiness: z.object({
    ready: z.boolean(),
    percent: z.number(),
    counts: z.object({ requiredItems: z.number(), doneOrWaived: z.number() }).loose(),
  }),
  evaluatedAt: z.string(),
  position: z.string(),
  launch: z.object({ id: z.string(), key: z.string() }),
  environment: z.string(),
  // Optional: gateways before #16 do not send it. Informational, it never decides the gate.
  support: z
    .object({ status: z.string(), openIncidents: z.number(), incidents: z.array(incidentSchema) })
    .optional(),
});

export type GateBody = z.infer<typeof gateBodySchema>;
export type GateReason = GateBody['reasons'][number];
export type GateIncident = z.infer<typeof incidentSchema>;

/** The error body every non-decision answer of the gateway's REST endpoints carries. */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
