import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { parseJsonBody, readJsonBody } from './json-body';

const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe('parseJsonBody: as body-parser’s strict json', () => {
  it('parses objects and arrays, after JSON white space and a byte-order mark', () => {
    expect(parse('{"query":"{ a }"}')).toEqual({ kind: 'json', value: { query: '{ a }' } });
    expect(parse(' \r\n\t[1]')).toEqual({ kind: 'json', value: [1] });
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]))).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
    // An empty text (here: only a BOM) is body-parser's special case: {}.
    expect(parse(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ kind: 'json', value: {} });
  });

  it('refuses text that is not JSON, or JSON without an object or array at the top', () => {
    for (const text of ['{"a":', '42', '"s"', 'null', 'true', '   ', '\u00a0{}', '{} x']) {
      expect(parse(text)).toEqual({ kind: 'not-json' });
    }
  });
});

describe('readJsonBody', () => {
  const stream = () => new PassThrough() as unknown as IncomingMessage & PassThrough;

  it('reads a body in chunks of any size', async () => {
    const request = stream();
    const body = readJsonBody(request, 9);
    request.write('{"a"');
    request.write(':[1]}');
    request.end();
    expect(await body).toEqual({ kind: 'json', value: { a: [1] } });
  });

  it('answers unreadable when the request fails or ends short of its length', async () => {
    const failed = stream();
    const first = readJsonBody(failed, 10);
    failed.destroy(new Error('reset'));
    expect(await first).toEqual({ kind: 'unreadable' });
    const short = stream();
    const second = readJsonBody(short, 10);
    short.end('{}');
    expect(await second).toEqual({ kind: 'unreadable' });
  });
});
