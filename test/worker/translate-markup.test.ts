/**
 * `POST /v1/translate` with `format: "html"` and `"markdown"` through the Worker, against the fake
 * engines (fake APy, fake DeepL with `tag_handling=html`, fake Workers AI binding). The real APy
 * is exercised in `translate.apertium.test.ts`.
 */
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { keptSubtrees, tagsOf } from '../support/html-tags'
import { expectStatus } from './helpers'
import {
  checkReport,
  type ProblemBody,
  type TranslateBody,
  translate,
  unique,
} from './translate-helpers'

const PLACEHOLDER = /\b(?:Zq|Qz|Zx|Xq|Qx|Jq)[a-z]{2,3}\b/

/** A CMS-shaped page: furniture, inline links and emphasis, references, kept parts. */
function page(id: string): string {
  return [
    '<!doctype html><html><head><title>The summit</title><script>var the = "summit";</script></head>',
    '<body><nav><a href="/">Home</a> | <a href="/world" class="nav">World</a></nav>',
    '<article data-id="a1"><h1>The summit in <em>Xian</em></h1>',
    `<p>The <a href="https://ex.org/xian?a=1&amp;b=2" title="The summit">leaders</a> met at the <strong>first summit</strong> in Xian &amp; the capital (${id}).</p>`,
    '<p translate="no">The summit was held in Xian.</p>',
    '<p>Read <span class="notranslate">the Financial Times</span> and <code>the summit</code> today.</p>',
    '<figure><img src="/x.jpg" alt="The summit"><figcaption>The leaders met.</figcaption></figure>',
    '</article></body></html>',
  ].join('\n')
}

describe('POST /v1/translate with format: html', () => {
  it('keeps every tag and attribute through the fake APy, translating the text', async ({
    expect,
  }) => {
    const id = unique()
    const source = page(id)
    const res = await translate({
      text: source,
      source: 'en',
      target: 'es',
      format: 'html',
      debug: true,
    })
    const body = (await expectStatus(res, 200)) as TranslateBody
    const t = body.translations[0]
    const text = t?.text ?? ''
    expect(tagsOf(text)).toEqual(tagsOf(source))
    expect(keptSubtrees(text)).toEqual(keptSubtrees(source))
    expect(text).not.toMatch(PLACEHOLDER)
    expect(text).toContain(
      `<p>El <a href="https://ex.org/xian?a=1&amp;b=2" title="The summit">líderes</a> se reunieron en el <strong>primera cumbre</strong> en Xi'an &amp; el capital (${id}).</p>`
    )
    expect(text).toContain('<script>var the = "summit";</script>')
    expect(text).toContain('<title>El cumbre</title>')
    expect(t?.terminology).toEqual({ expected: 2, applied: 2, missed: [] })
    expect(t ? checkReport(t) : ['no translation']).toEqual([])
  })

  it('caches per format: the same bytes as text and as HTML are different results', async ({
    expect,
  }) => {
    const source = `<p>The <b>summit</b> (${unique()}).</p>`
    const asHtml = await translate({ text: source, source: 'en', target: 'es', format: 'html' })
    expect(asHtml.headers.get('x-cache')).toBe('MISS')
    const asText = await translate({ text: source, source: 'en', target: 'es' })
    expect(asText.headers.get('x-cache')).toBe('MISS')
    const again = await translate({ text: source, source: 'en', target: 'es', format: 'html' })
    expect(again.headers.get('x-cache')).toBe('HIT')
    const html = ((await again.json()) as TranslateBody).translations[0]?.text
    expect(html).toMatch(/^<p>El <b>cumbre<\/b> \(/)
  })

  it('detects the language of the page text, not of its markup', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({ text: page(unique()), target: 'es', format: 'html' }),
      200
    )) as TranslateBody
    expect(body.translations[0]?.detectedSource).toBe('en')
  })

  it('answers 422 no_text for a page of markup only, naming the item', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({
        text: ['<p>The summit.</p>', '<div><img src="/a.png" alt="x"><script>x()</script></div>'],
        source: 'en',
        target: 'es',
        format: 'html',
      }),
      422
    )) as ProblemBody
    expect(body.code).toBe('no_text')
    expect(body.errors?.[0]?.pointer).toBe('#/text/1')
  })

  it('holds the readable text to the plain-text limit, not the markup', async ({ expect }) => {
    // 60,000 characters of markup around little text: accepted as HTML, refused as plain text.
    const heavy = `<p>${'<span class="x"></span>'.repeat(2500)}The summit (${unique()}).</p>`
    expect(heavy.length).toBeGreaterThan(50_000)
    await expectStatus(
      await translate({ text: heavy, source: 'en', target: 'es', format: 'html' }),
      200
    )
    const plain = (await expectStatus(
      await translate({ text: heavy, source: 'en', target: 'es' }),
      422
    )) as ProblemBody
    expect(plain.errors?.[0]?.pointer).toBe('#/text')
    // 50,001 characters of text inside markup: refused, naming the field.
    const long = `<p>${'a'.repeat(50_001)}</p>`
    const body = (await expectStatus(
      await translate({ text: long, source: 'en', target: 'es', format: 'html' }),
      422
    )) as ProblemBody
    expect(body.code).toBe('invalid_request')
    expect(body.errors?.[0]?.pointer).toBe('#/text')
    expect(body.errors?.[0]?.message).toMatch(/50000/)
  })

  it('sends DeepL the segments as HTML with tag_handling=html and keeps the markup', async ({
    expect,
  }) => {
    const id = unique()
    const source = `<p>The <a href="/s">summit</a> &amp; the <em>capital</em> (${id}).</p>`
    const body = (await expectStatus(
      await translate({
        text: source,
        source: 'en',
        target: 'es',
        format: 'html',
        provider: 'deepl',
      }),
      200
    )) as TranslateBody
    const text = body.translations[0]?.text ?? ''
    expect(text).toBe(`<p>El <a href="/s">cumbre</a> &amp; el <em>capital</em> (${id}).</p>`)
    const bodies = (await (await fetch('https://api-free.deepl.com/__bodies')).json()) as Array<{
      text: string[]
      tag_handling?: string
    }>
    const sent = bodies.find((b) => b.text.some((t) => t.includes(id)))
    expect(sent?.tag_handling).toBe('html')
    expect(sent?.text[0]).toMatch(
      /^The <x id="[A-Z][a-z]+"><\/x> summit <x id="[A-Z][a-z]+"><\/x> &amp; the /
    )
  })

  it('translates segment by segment through Workers AI and keeps the markup', async ({
    expect,
  }) => {
    type AiCall = { inputs: Record<string, unknown> }
    const id = unique()
    const source = `<h2>The summit</h2><p>The <a href="/s">leaders</a> met (${id}).</p><p translate="no">The summit.</p>`
    const body = (await expectStatus(
      await translate({
        text: source,
        source: 'en',
        target: 'es',
        format: 'html',
        provider: 'workers-ai',
      }),
      200
    )) as TranslateBody
    expect(body.translations[0]?.text).toBe(
      `<h2>El cumbre</h2><p>El <a href="/s">líderes</a> se reunieron (${id}).</p><p translate="no">The summit.</p>`
    )
    const calls = await (env.AI as unknown as { calls(): Promise<AiCall[]> }).calls()
    const mine = calls.filter((c) => String(c.inputs.text).includes(id))
    expect(mine).toHaveLength(1)
    expect(String(mine[0]?.inputs.text)).not.toMatch(/[<>]/)
  })
})

describe('POST /v1/translate with format: markdown', () => {
  it('keeps Markdown syntax, link URLs and code, translating the text', async ({ expect }) => {
    const id = unique()
    const source = [
      '# The summit',
      '',
      `The **leaders** met in [the capital](https://ex.org/the-capital) (${id}).`,
      '',
      '- the first summit',
      '- `the summit` and the capital',
      '',
      '~~~',
      'the summit (code)',
      '~~~',
      '',
    ].join('\n')
    const body = (await expectStatus(
      await translate({ text: source, source: 'en', target: 'es', format: 'markdown' }),
      200
    )) as TranslateBody
    expect(body.translations[0]?.text).toBe(
      [
        '# El cumbre',
        '',
        `El **líderes** se reunieron en [el capital](https://ex.org/the-capital) (${id}).`,
        '',
        '- el primera cumbre',
        '- `the summit` y el capital',
        '',
        '~~~',
        'the summit (code)',
        '~~~',
        '',
      ].join('\n')
    )
  })

  it('answers 422 no_text for Markdown that is only code', async ({ expect }) => {
    const body = (await expectStatus(
      await translate({
        text: '```\nthe summit\n```\n',
        source: 'en',
        target: 'es',
        format: 'markdown',
      }),
      422
    )) as ProblemBody
    expect(body.code).toBe('no_text')
    expect(body.errors?.[0]?.pointer).toBe('#/text')
  })
})
