import { z } from 'zod';

/** The answer of `POST /v1/checks`, as far as the CLI reads it (unknown fields kept for `--json`). */
export const checkBodySchema = z.object({
  launch: z.object({ id: z.string(), key: z.string() }),
  check: z.string(),
  status: z.enum(['passed', 'failed']),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      team: z.string().nullable(),
      required: z.boolean(),
      state: z.string(),
      evidenceUrl: z.string().nullable(),
      changed: z.boolean(),
    }),
  ),
});

export type CheckBody = z.infer<typeof checkBodySchema>;
