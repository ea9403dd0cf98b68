import { Hono } from 'hono'
// Relative path: the package's `exports` do not list its browser build, and the Text rule in
// wrangler.toml turns this import into the file's contents.
import referenceBundle from '../../../node_modules/@scalar/api-reference/dist/browser/standalone.js'
import type { AppEnv } from '../../http/env'
import { DOCS_CSP, DOCS_HTML, INIT_SCRIPT, INIT_SCRIPT_PATH, REFERENCE_SCRIPT_PATH } from './page'

/**
 * The bundle's URL carries no version, so it is revalidated daily rather than cached forever;
 * the ETag-less body is small next to the time a stale reference would mislead a reader.
 */
const SCRIPT_CACHE = 'public, max-age=86400'

export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP)
    c.header('Cache-Control', 'no-cache')
    return c.html(DOCS_HTML)
  })
  .get(REFERENCE_SCRIPT_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8')
    c.header('Cache-Control', SCRIPT_CACHE)
    return c.body(referenceBundle)
  })
  .get(INIT_SCRIPT_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8')
    c.header('Cache-Control', SCRIPT_CACHE)
    return c.body(INIT_SCRIPT)
  })
