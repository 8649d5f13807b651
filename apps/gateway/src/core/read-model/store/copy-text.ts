import type { SqlParam } from './sql';

/**
 * PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"):
 * one row per line, columns separated by tabs, `\N` for NULL, backslash escapes for backslash, newline,
 * carriage return, tab and other control characters. The rebuild reads the event log and writes fresh
 * projection tables this way: no statement to parse per page, no parameters to bind per value.
 */

const NULL_FIELD = '\\N';
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function encodeField(value: SqlParam): string {
  if (value === null) return NULL_FIELD;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (char) => ESCAPED[char]) : text;
}

/** Rows as COPY … FROM STDIN text: every row ends with a newline. */
export function encodeCopyRows(rows: readonly (readonly SqlParam[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(encodeField).join('\t')}\n`;
  return text;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** One field of COPY … TO STDOUT text back to its value (fast path: nothing escaped). */
export function decodeCopyField(field: string): string | null {
  if (field === NULL_FIELD) return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, escape: string) => {
    if (escape.length > 1 || /[0-7]/.test(escape)) {
      const code = escape[0] === 'x' ? parseInt(escape.slice(1), 16) : parseInt(escape, 8);
      return String.fromCharCode(code);
    }
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/**
 * Splits the byte chunks of a COPY … TO STDOUT (text format) into rows of decoded fields. A chunk may
 * end inside a row (or a multi-byte character): the tail waits for the next chunk. Lines are cut at
 * newline bytes, which never occur inside a UTF-8 sequence, and decoded many rows at once.
 */
export class CopyTextRows {
  private tail: Buffer | null = null;

  /** The complete rows this chunk ends (and the tail of the previous one began). */
  push(chunk: Buffer): (string | null)[][] {
    const bytes = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) {
      this.tail = bytes;
      return [];
    }
    this.tail = end + 1 < bytes.length ? bytes.subarray(end + 1) : null;
    return bytes
      .toString('utf8', 0, end)
      .split('\n')
      .map((line) => line.split('\t').map(decodeCopyField));
  }

  /** Called at the end of the stream: a row left without its newline means the stream was cut. */
  end(): void {
    if (this.tail) throw new Error(`COPY output ended inside a row (${this.tail.length} bytes left)`);
  }
}
