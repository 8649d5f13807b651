/** Where the operator finds the first ADMIN token. */
export type AdminTokenSource =
  | { readonly kind: 'environment' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'gone'; readonly path: string };

export interface BannerFacts {
  /** Where the gateway answers, e.g. http://127.0.0.1:4000. */
  readonly url: string;
  /** HOST: the address listened on (127.0.0.1 by default, 0.0.0.0 for every interface). */
  readonly host: string;
  readonly dataDir: string;
  readonly adminToken: AdminTokenSource;
  readonly readyInMs: number;
}

const describeToken = (source: AdminTokenSource): string => {
  switch (source.kind) {
    case 'environment':
      return 'the one in TMINUS_ADMIN_TOKEN';
    case 'file':
      return `${source.path} (cat it; send "Authorization: Bearer <token>")`;
    case 'gone':
      return `issued on an earlier start; ${source.path} was removed since (createApiToken makes more)`;
  }
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const listening = ({ host, url }: BannerFacts): string => {
  const port = new URL(url).port;
  return LOOPBACK.has(host)
    ? `${host}:${port}, this machine only (HOST=0.0.0.0 accepts other machines; PORT moves it)`
    : `${host}:${port}`;
};

/** The few lines a person needs after `npm start`. */
export function renderBanner(facts: BannerFacts): string {
  const base = facts.url;
  return [
    '',
    `tminus is ready in ${(facts.readyInMs / 1000).toFixed(1)} s (embedded: launches, teams, checklists and gateway in one process)`,
    `  GraphQL      ${base}/graphql  (subscriptions: ${base.replace(/^http/, 'ws')}/graphql)`,
    `  GraphiQL     ${base}/graphiql`,
    `  Listening on ${listening(facts)}`,
    `  Admin token  ${describeToken(facts.adminToken)}`,
    `  Data         ${facts.dataDir}`,
    '  Stop with Ctrl+C (SIGINT) or SIGTERM: consumers stop, outboxes flush, databases close.',
    '',
  ].join('\n');
}
