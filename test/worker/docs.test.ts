import { describe, it } from 'vitest'
import { call } from './helpers'

/** Every `<script src>` of a page, and whether the page has any inline script. */
function scripts(html: string): { sources: string[]; inline: number } {
  const sources: string[] = []
  let inline = 0
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(match[1] ?? '')?.[1]
    if (src === undefined) inline += 1
    else sources.push(src)
    if (src !== undefined && (match[2] ?? '').trim() !== '') inline += 1
  }
  return { sources, inline }
}

/** The CSP as directive → sources. */
function policy(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values)
  }
  return map
}

// The first request loads the Worker with its 4.8 MB reference bundle; on a busy machine that
// alone can take most of the default limit, which measures queueing, not this page.
describe('GET /docs', { timeout: 120_000 }, () => {
  it('is a page whose Content-Security-Policy allows nothing from another origin', async ({
    expect,
  }) => {
    const res = await call('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = policy(res.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    // No directive names a host or a scheme that reaches one (data: is local).
    for (const [directive, sources] of csp) {
      for (const source of sources) {
        expect(
          source.startsWith("'") || source === 'data:',
          `${directive} ${source} is off-origin`
        ).toBe(true)
      }
    }
  })

  it('loads only same-origin scripts, which the Worker serves as JavaScript', async ({
    expect,
  }) => {
    const html = await (await call('/docs')).text()
    const { sources, inline } = scripts(html)
    expect(inline).toBe(0)
    expect(sources.length).toBeGreaterThan(0)
    // No link, style sheet or image points elsewhere either.
    expect(html).not.toMatch(/(?:src|href)\s*=\s*"(?:https?:)?\/\//i)
    for (const src of sources) {
      expect(src).toMatch(/^\/[^/]/)
      const script = await call(src)
      expect(script.status).toBe(200)
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
      expect(script.headers.get('cache-control')).toMatch(/max-age=\d+/)
      expect((await script.text()).length).toBeGreaterThan(0)
    }
  })

  it('ships the pinned reference bundle and starts it on the OpenAPI document', async ({
    expect,
  }) => {
    const bundle = await (await call('/docs/reference.js')).text()
    // The standalone build defines the global the start-up script calls.
    expect(bundle.length).toBeGreaterThan(1_000_000)
    expect(bundle).toContain('createApiReference')
    const init = await (await call('/docs/init.js')).text()
    expect(init).toContain("Scalar.createApiReference('#app'")
    expect(init).toContain('"url":"/openapi.json"')
    expect(init).toContain('"telemetry":false')
    expect(init).toContain('"withDefaultFonts":false')
  })
})
