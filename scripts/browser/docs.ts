/**
 * `npm run test:browser` — loads `/docs` in a real headless Chromium against a `wrangler dev` of
 * the Worker and fails unless the reference renders the routes with nothing fetched from another
 * origin.
 *
 * Every request the page makes is recorded; one that leaves 127.0.0.1 is aborted (as a firewall
 * or an offline laptop would) and counted as a failure, so the page must render from the Worker
 * alone. Content-Security-Policy violations and page errors fail it too: a policy that blocked
 * something the bundle needs would otherwise pass unnoticed as a half-drawn page.
 *
 * Chromium: Debian's (`apt-get install chromium`, CI does), or CHROMIUM_PATH. Ports: PORT and
 * INSPECTOR_PORT (default 8750/9350).
 *
 * @module
 */
import { chromium } from 'playwright-core'
import { startDevServer } from '../harness/dev-server'

const port = Number(process.env.PORT ?? 8750)
const inspectorPort = Number(process.env.INSPECTOR_PORT ?? 9350)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** How long the reference may take to draw the route list once the page has loaded. */
const RENDER_TIMEOUT_MS = 30_000

async function main(): Promise<number> {
  const server = await startDevServer({ port, inspectorPort })
  const browser = await chromium
    .launch({
      executablePath,
      // CI runs as root, where Chromium refuses its sandbox.
      args: ['--no-sandbox'],
    })
    .catch(async (error: unknown) => {
      await server.stop()
      throw error
    })
  const problems: string[] = []
  const requests: string[] = []
  try {
    const context = await browser.newContext()
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url())
      requests.push(url.href)
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') {
        return route.continue()
      }
      problems.push(`request left the origin: ${url.href}`)
      return route.abort('blockedbyclient')
    })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(`CSP violation: ${message.text()}`)
      }
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))

    const response = await page.goto(`${server.url}/docs`, { waitUntil: 'load' })
    if (response?.status() !== 200) problems.push(`/docs answered ${response?.status()}`)
    // The route list: the summarize operation (its group opens first) and the other groups of
    // the sidebar, so a page that drew only its frame does not pass.
    const expected = [
      'Extractive summaries in several lengths',
      'Language',
      'Translation',
      'Glossaries',
    ]
    for (const text of expected) {
      try {
        await page
          .getByText(text, { exact: true })
          .first()
          .waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS })
      } catch {
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point.
        const shown = (await page.locator('body').innerText()).slice(0, 2000)
        problems.push(`the reference did not render "${text}"; the page shows:\n${shown}`)
      }
    }
    // Settle: anything the UI fetches after drawing (fonts, icons, telemetry) is caught too.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
  } finally {
    await browser.close()
    await server.stop()
  }

  const local = requests.filter((url) => url.startsWith(`http://127.0.0.1:${port}/`))
  console.log(`requests: ${requests.length} (${local.length} to the Worker)`)
  for (const url of new Set(local)) console.log(`  ${url}`)
  if (problems.length === 0) {
    console.log('ok: /docs rendered the route list with no request leaving 127.0.0.1')
    return 0
  }
  for (const problem of problems) console.error(`FAIL ${problem}`)
  return 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
