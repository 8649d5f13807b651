import { graphqlWsUrl, READINESS_CHANGED, signatureOf } from './readiness-feed';

describe('readiness feed', () => {
  it('talks graphql-ws at <base>/graphql, wss for https', () => {
    expect(graphqlWsUrl(new URL('http://127.0.0.1:4000')).href).toBe('ws://127.0.0.1:4000/graphql');
    expect(graphqlWsUrl(new URL('https://tminus.example/base/')).href).toBe(
      'wss://tminus.example/base/graphql',
    );
  });

  it('asks for status and readiness but not the position, which every audited check moves', () => {
    expect(READINESS_CHANGED).toMatch(/\bstatus\b/);
    expect(READINESS_CHANGED).toMatch(/\breadiness\s*\{[^}]*\bready\b/);
    expect(READINESS_CHANGED).not.toMatch(/\bposition\b/);
  });

  it('gives equal notifications one signature and different ones another', () => {
    const change = (status: string, percent: number) => ({
      data: { readinessChanged: { status, readiness: { ready: percent === 100, percent } } },
    });
    expect(signatureOf(change('GO', 50))).toBe(signatureOf(change('GO', 50)));
    expect(signatureOf(change('GO', 50))).not.toBe(signatureOf(change('GO', 100)));
    expect(signatureOf(change('GO', 50))).not.toBe(signatureOf(change('CANCELLED', 50)));
    expect(signatureOf({ errors: [] })).toBe('null');
  });
});
