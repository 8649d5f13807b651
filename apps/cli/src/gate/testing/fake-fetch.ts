import type { Fetch } from '../gate-client';

export interface RecordedRequest {
  readonly url: string;
  readonly authorization: string | null;
}

export type Reply = { readonly status: number; readonly body: unknown } | Error;

/** A `fetch` that answers from a script (the last reply repeats) and records what was asked. */
export function fakeFetch(...replies: Reply[]): Fetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    requests.push({ url: String(input), authorization: headers.get('authorization') });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
    if (reply instanceof Error) throw reply;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(impl as Fetch, { requests });
}

export const connectionRefused = (): Error =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' }),
  });
