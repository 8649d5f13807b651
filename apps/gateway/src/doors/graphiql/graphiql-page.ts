import { ADMIN_TOKEN_FILE } from '../../core/auth/admin-bootstrap';

export interface GraphiqlPageOptions {
  /** Where the page is served (default `/graphiql`); its assets live under `<path>/assets/`. */
  readonly path: string;
  /** The GraphQL endpoint, HTTP and graphql-ws (default `/graphql`). */
  readonly graphqlPath: string;
}

export const DEFAULT_GRAPHIQL_OPTIONS: GraphiqlPageOptions = { path: '/graphiql', graphqlPath: '/graphql' };

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The page: no inline script (the boot script is an asset), every file from this server. */
export function renderGraphiqlPage(options: GraphiqlPageOptions): string {
  const assets = `${options.path}/assets`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>tminus · GraphiQL</title>
  <link rel="stylesheet" href="${assets}/graphiql.min.css">
  <link rel="stylesheet" href="${assets}/graphiql-page.css">
</head>
<body>
  <div id="graphiql" data-endpoint="${escapeHtml(options.graphqlPath)}">Loading GraphiQL…</div>
  <script src="${assets}/react.production.min.js"></script>
  <script src="${assets}/react-dom.production.min.js"></script>
  <script src="${assets}/graphiql.min.js"></script>
  <script src="${assets}/graphiql-boot.js"></script>
</body>
</html>
`;
}

/** Shown instead of the page when a package it needs is not installed. */
export function renderMissingAssetsPage(missingPackages: readonly string[]): string {
  const list = missingPackages.map(escapeHtml).join(' ');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>tminus · GraphiQL unavailable</title></head>
<body>
  <h1>GraphiQL is not installed</h1>
  <p>This server serves GraphiQL from its own node_modules (no CDN). Missing packages: <code>${list}</code>.</p>
  <p>The GraphQL endpoint itself works; any GraphQL client can use it.</p>
</body>
</html>
`;
}

export const GRAPHIQL_PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

const DEFAULT_QUERY = `# Paste your token into the Headers tab below (the first ADMIN token is in <data dir>/${ADMIN_TOKEN_FILE}).
query Launches {
  launches(first: 10) {
    edges {
      node { key name status targetDate readiness { ready percent } }
    }
  }
}
`;

/**
 * Mounts GraphiQL on the element's endpoint: HTTP for queries and mutations, graphql-ws for
 * subscriptions. GraphiQL hands the header editor's headers to graphql-ws as `connectionParams`,
 * so one `Authorization` header serves both. Headers persist in the browser's storage so a reload
 * does not ask for the token again.
 */
export const GRAPHIQL_BOOT_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var url = new URL(root.getAttribute('data-endpoint'), window.location.href);
  var ws = new URL(url.href);
  ws.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl: ws.href });
  var headers = JSON.stringify({ Authorization: 'Bearer <token>' }, null, 2);
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultHeaders: headers,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: true,
    }),
  );
})();
`;
