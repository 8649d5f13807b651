import { renderBanner } from './banner';

describe('renderBanner', () => {
  const facts = {
    url: 'http://127.0.0.1:4000',
    host: '127.0.0.1',
    dataDir: '/srv/tminus/data',
    readyInMs: 2345,
  };

  it('gives the endpoints, the time to ready and where the token file is', () => {
    const banner = renderBanner({
      ...facts,
      adminToken: { kind: 'file', path: '/srv/tminus/data/admin.token' },
    });

    expect(banner).toContain('ready in 2.3 s');
    expect(banner).toContain('http://127.0.0.1:4000/graphql');
    expect(banner).toContain('ws://127.0.0.1:4000/graphql');
    expect(banner).toContain('http://127.0.0.1:4000/graphiql');
    expect(banner).toContain('/srv/tminus/data/admin.token');
    expect(banner).toContain('/srv/tminus/data\n');
    expect(banner).toContain('Listening on 127.0.0.1:4000, this machine only (HOST=0.0.0.0');
  });

  it('says where it listens when it accepts other machines', () => {
    const banner = renderBanner({ ...facts, host: '0.0.0.0', adminToken: { kind: 'environment' } });
    expect(banner).toContain('Listening on 0.0.0.0:4000\n');
  });

  it('says when the token comes from the environment or the file was removed', () => {
    expect(renderBanner({ ...facts, adminToken: { kind: 'environment' } })).toContain('TMINUS_ADMIN_TOKEN');
    expect(renderBanner({ ...facts, adminToken: { kind: 'gone', path: '/x/admin.token' } })).toMatch(
      /earlier start; \/x\/admin\.token was removed/,
    );
  });
});
