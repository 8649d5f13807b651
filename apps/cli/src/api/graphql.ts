import { z } from 'zod';
import type { Fetch } from '../gate/gate-client';
import type { Connection } from '../support/connection';
import { CliError } from '../support/exit-codes';
import { safeField } from '../support/safe-text';
import { callGateway, jsonOf } from './api-client';

const responseSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
});

/** One GraphQL operation against the gateway's public API; an error answer becomes a {@link CliError} with its code. */
export async function graphql<Data>(
  connection: Connection,
  query: string,
  variables: Record<string, unknown> = {},
  fetchImpl?: Fetch,
): Promise<Data> {
  const answer = await callGateway(
    connection,
    { method: 'POST', path: 'graphql', body: { query, variables } },
    fetchImpl,
  );
  const parsed = responseSchema.safeParse(jsonOf(answer));
  if (!parsed.success)
    throw new CliError(`the gateway at ${answer.url.origin} answered with a body that is not GraphQL`);
  const [error] = parsed.data.errors ?? [];
  if (error) {
    const code = safeField(error.extensions?.code ?? 'GRAPHQL_ERROR');
    throw new CliError(`${code}: ${safeField(error.message)}`, code);
  }
  if (parsed.data.data == null)
    throw new CliError(`the gateway at ${answer.url.origin} answered without data`);
  return parsed.data.data as Data;
}
