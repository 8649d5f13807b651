/** What the browser may load for the app: only this origin; no inline script or style. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' covers the same-origin WebSocket (ws/wss) in current browsers.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Shown instead of the app when it could not be built (the API keeps working). */
export const renderUnavailablePage = (reason: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tminus: web app unavailable</title></head>
<body><main><h1>The web app is not available</h1>
<p>The server could not build it: ${escapeHtml(reason)}</p>
<p>The API is at <a href="/graphql">/graphql</a> and GraphiQL at <a href="/graphiql">/graphiql</a>.</p>
</main></body></html>`;
