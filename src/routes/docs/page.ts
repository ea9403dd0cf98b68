/**
 * The API reference page and its script, all served from this Worker.
 *
 * The page used to pull an unpinned script from a public CDN: blank behind a newsroom firewall or
 * offline, and a third-party script could read an admin token typed into the page. Now the
 * reference bundle (`@scalar/api-reference`, pinned exactly in package.json) is compiled into the
 * Worker as a text module and served from `/docs/reference.js`; its start-up settings live in
 * `/docs/init.js` because the Content-Security-Policy allows no inline script.
 *
 * @module
 */

/** Where the bundle and its start-up script are served (same origin as the page). */
export const REFERENCE_SCRIPT_PATH = '/docs/reference.js'
export const INIT_SCRIPT_PATH = '/docs/init.js'

/**
 * Nothing may come from another origin. The bundle injects its styles as `<style>` elements and
 * inline style attributes (hence `'unsafe-inline'` for styles only) and uses `data:` URIs for a
 * few icons and fonts; it fetches `/openapi.json` (and "try it" requests go to this origin).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Précis API reference</title>
</head>
<body>
<div id="app"></div>
<script src="${REFERENCE_SCRIPT_PATH}"></script>
<script src="${INIT_SCRIPT_PATH}"></script>
</body>
</html>
`

/**
 * Start-up settings. Off: the default web fonts (fetched from Scalar's font host), telemetry (on
 * by default in the bundle) and the hosted API client button; the request proxy is left unset so
 * "try it" requests go straight to this origin.
 */
export const INIT_SCRIPT = `Scalar.createApiReference('#app', ${JSON.stringify({
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
})})
`
