import type { IncomingMessage } from 'node:http';

/** A JSON body as body-parser's `json` (strict, UTF-8) would have given it, or why not. */
export type JsonBody =
  | { readonly kind: 'json'; readonly value: unknown }
  /** Not JSON, or JSON whose top level is not an object or an array (strict mode): 400. */
  | { readonly kind: 'not-json' }
  /** The request ended or failed before its body was read: 400 (the client has usually gone). */
  | { readonly kind: 'unreadable' };

const BOM = [0xef, 0xbb, 0xbf] as const;

const startsWithBom = (bytes: Buffer): boolean =>
  bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/** body-parser's strict mode: the first character other than JSON white space opens an object or array. */
function firstSignificant(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return undefined;
}

/** Parses UTF-8 JSON text exactly as body-parser's strict `json` does (a BOM skipped, as iconv-lite does). */
export function parseJsonBody(bytes: Buffer): JsonBody {
  const text = bytes.toString('utf8', startsWithBom(bytes) ? BOM.length : 0);
  // body-parser's special case for an empty body (here: a body that was only a BOM).
  if (text.length === 0) return { kind: 'json', value: {} };
  const first = firstSignificant(text);
  if (first !== '{' && first !== '[') return { kind: 'not-json' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json' };
  }
}

/**
 * Reads a body whose length Node's parser enforces (`Content-Length`, already checked against the
 * limit by the caller) and parses it as JSON.
 */
export function readJsonBody(request: IncomingMessage, length: number): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const finish = (body: JsonBody) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('aborted', onFailure);
      request.off('error', onFailure);
      resolve(body);
    };
    const onEnd = () =>
      finish(
        received === length
          ? parseJsonBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received))
          : { kind: 'unreadable' },
      );
    const onFailure = () => finish({ kind: 'unreadable' });
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('aborted', onFailure);
    request.once('error', onFailure);
  });
}
