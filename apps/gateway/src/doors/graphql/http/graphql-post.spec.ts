import type { IncomingMessage } from 'node:http';
import { graphqlPostLength } from './graphql-post';

const LIMIT = 1024;

const request = (
  headers: Record<string, string>,
  { method = 'POST', url = '/graphql' }: { method?: string; url?: string } = {},
): IncomingMessage => ({ method, url, headers }) as unknown as IncomingMessage;

const plain = { 'content-type': 'application/json', 'content-length': '20' };

describe('graphqlPostLength: which GraphQL requests are served ahead of Nest', () => {
  it('takes a plain JSON POST to /graphql of a declared length within the limit', () => {
    expect(graphqlPostLength(request(plain), LIMIT)).toBe(20);
    for (const type of ['application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      expect(graphqlPostLength(request({ ...plain, 'content-type': type }), LIMIT)).toBe(20);
    }
    expect(graphqlPostLength(request({ ...plain, 'content-length': String(LIMIT) }), LIMIT)).toBe(LIMIT);
  });

  it('leaves everything else to Express: other methods, paths, types, encodings, lengths, upgrades', () => {
    const others: IncomingMessage[] = [
      request(plain, { method: 'GET' }),
      request(plain, { url: '/graphql/' }),
      request(plain, { url: '/graphql?op=x' }),
      request(plain, { url: '/GRAPHQL' }),
      request({ ...plain, 'content-type': 'application/graphql-response+json' }),
      request({ ...plain, 'content-type': 'application/json; charset=utf-16' }),
      request({ ...plain, 'content-type': 'multipart/form-data; boundary=x' }),
      request({ ...plain, 'content-type': 'text/plain' }),
      request({ 'content-length': '20' }),
      request({ ...plain, 'content-encoding': 'gzip' }),
      request({ ...plain, 'transfer-encoding': 'chunked' }),
      request({ ...plain, upgrade: 'websocket' }),
      request({ 'content-type': 'application/json' }),
      request({ ...plain, 'content-length': '0' }),
      request({ ...plain, 'content-length': String(LIMIT + 1) }),
      request({ ...plain, 'content-length': '2e1' }),
    ];
    for (const other of others) expect(graphqlPostLength(other, LIMIT)).toBeNull();
  });
});
